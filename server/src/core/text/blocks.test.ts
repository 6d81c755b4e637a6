import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { repoRoot } from '../../paths.js';
import { BlockKind, blocksOf } from './blocks.js';

const seed = fs.readFileSync(path.join(repoRoot, 'seeds/000_644cae95aa9a28a1.txt'), 'utf8');

describe('blocks of a text', () => {
  it('marks the seed article’s page furniture and its repeated paragraph, and covers every character', () => {
    const codePoints = Array.from(seed);
    const blocks = blocksOf(seed);
    const text = (b: { start: number; end: number }) => codePoints.slice(b.start, b.end).join('').trim();
    expect(blocks.map((b) => codePoints.slice(b.start, b.end).join('')).join('\n')).toBe(seed);
    expect(blocks.filter((b) => b.kind === BlockKind.FURNITURE).map(text)).toEqual(
      expect.arrayContaining(['0', '2022/267', 'Share.', 'About Author', 'Comments are closed.']),
    );
    const repeats = blocks.filter((b) => b.kind === BlockKind.REPEAT);
    expect(repeats).toHaveLength(1);
    expect(text(repeats[0]!)).toBe(text(blocks[repeats[0]!.repeatOf!]!));
    expect(text(repeats[0]!)).toMatch(/^According to a presidential aide/);
  });

  it('keeps a sentence wrapped over several lines in one block, and a headline, a byline and a stamp apart', () => {
    const release = [
      'Harbour Group Reports Results',
      '27 October 2011 - 12:32AM',
      'Business Wire',
      'The Harbour Group today announced the results',
      'of its operations for the third quarter. Net sales were $36.1 million, compared to $34.0',
      'million in 2010.',
      'Mr. Lund said, “In the ferries segment, The',
      'Nordic Line division grew.”',
    ].join('\n');
    const codePoints = Array.from(release);
    const body = blocksOf(release)
      .filter((b) => b.kind === BlockKind.BODY)
      .map((b) => codePoints.slice(b.start, b.end).join(''));
    expect(body).toEqual([
      'Harbour Group Reports Results',
      'Business Wire',
      'The Harbour Group today announced the results\nof its operations for the third quarter. Net sales were $36.1 million, compared to $34.0\nmillion in 2010.',
      'Mr. Lund said, “In the ferries segment, The\nNordic Line division grew.”',
    ]);
  });

  it('ends the article at a comment policy, a list of other stories, a live stream or an issuer’s account of its role', () => {
    const kinds = (text: string) => blocksOf(text).map((b) => b.kind);
    const body = 'The mayor opened the new terminal on Monday.';
    expect(kinds(`${body}\nDisclaimer: All comments will be moderated by the editors.\nThe mayor is a fraud.`)).toEqual([
      BlockKind.BODY,
      BlockKind.FURNITURE,
      BlockKind.FURNITURE,
    ]);
    expect(kinds(`${body}\nMost Read Stories\nPort workers strike over pay in the north.`)[2]).toBe(BlockKind.FURNITURE);
    expect(kinds(`${body}\nLIVE🔴Harbour Radio Evening News 7.30 pm`)[1]).toBe(BlockKind.FURNITURE);
    expect(
      kinds(`${body}\nThe Mayoral Communications Unit is responsible for informing the public.\nPolicies are explained to all.`),
    ).toEqual([BlockKind.BODY, BlockKind.FURNITURE, BlockKind.FURNITURE]);
    expect(kinds(`${body}\nLive coverage of the opening continues on Tuesday.`)[1]).toBe(BlockKind.BODY);
    expect(kinds(`${body}\nAbout the author: Cory Weinberg\nStudent. Certified music advocate. Writer.`)).toEqual([
      BlockKind.BODY,
      BlockKind.FURNITURE,
      BlockKind.FURNITURE,
    ]);
    expect(kinds(`${body}\nYour email address will not be published. Required fields are marked *`)[1]).toBe(BlockKind.FURNITURE);
  });

  it('counts positions in code points', () => {
    const [first, second] = blocksOf('𝒜 said “yes”.\nThen 𝒜 left.');
    expect(first).toMatchObject({ start: 0, end: 13 });
    expect(second).toMatchObject({ start: 14, end: 26 });
  });

  it('does not call short lines repeats, nor a sentence furniture because it starts with “By”', () => {
    const blocks = blocksOf('Share.\nShare.\nBy far the most important event was the visit of the general to Vladivostok.');
    expect(blocks.map((b) => b.kind)).toEqual([BlockKind.FURNITURE, BlockKind.FURNITURE, BlockKind.BODY]);
  });

  it('marks a newsroom’s own lines: reading times, section hashtags, its standards, sign-up calls, share bars, related links', () => {
    const furniture = [
      '1 Min Read',
      'Mon., Dec. 6, 20211 min. read',
      'Reading time: 4 minutes',
      '#Business News',
      '#Myanmar #Russia',
      'Our Standards: The Thomson Reuters Trust Principles.',
      'Read our editorial standards',
      'Sign up here.',
      'Subscribe to our daily newsletter',
      'Share this articleComments',
      'Share on Facebook Twitter WhatsApp',
      'Related Coverage',
      'Related Topics',
      'RELATED Venezuela opposition starts 2-day strike against Maduro’s reform efforts',
      'Photograph: Harbour Port Authority',
      'Like this: Like Loading...',
      'Share this: Twitter Facebook',
      'Europeans need an Electronic Travel Authorisation (ETA) to travel to the UK from 2 April 2025 – READ MORE',
      'In this March 3, 2024, photo, dock workers unload a ferry in Porto.',
      'In this file image released by the port authority, a crane stands idle.',
      'Dock workers unload the first ferry in Porto. (Ana Costa/Harbour Board via AP)',
      'A crane stands idle on the quay. (AP Photo/Jonas Weber)',
    ];
    const body = [
      'Share prices fell on Monday.',
      'Our standards have slipped, the minister said.',
      'Sign up for the draft was slow, the ministry said.',
      '#MeToo campaigners marched in the capital on Sunday.',
      'Related talks in Geneva ended without a deal.',
      'The trip was a 90 min read of the report for the board, one member said.',
      'Children who read more do better at school - and read more widely, the study found.',
      'Like this year’s budget, the plan was late.',
      'In this harbour, photos are banned, the port authority said.',
      'The ferry was chartered by the Harbour Board (via its Lisbon office).',
    ];
    expect(blocksOf([...furniture, ...body].join('\n')).map((b) => b.kind)).toEqual([
      ...furniture.map(() => BlockKind.FURNITURE),
      ...body.map(() => BlockKind.BODY),
    ]);
  });

  it('marks the furniture of real pages: short links, stamps, follow buttons, menus, cookie banners, dated bylines', () => {
    const furniture = [
      'Short Url',
      'Updated 07 September 2022',
      'Last Updated : Feb 14 2018 | 9:55 PM IST',
      'Follow',
      'Follow us on social media :',
      'Like us on Facebook and follow us on Twitter.',
      'Read more',
      'Video Gallery ePaper Archive Opinion',
      'Home | News | World | Sport | Business',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Written by a Staff Reporter | Lisbon | Updated: May 17, 2023 9:41 pm',
      'Saturday 26 June 2010',
      'NEWS 12.11.2018 09:17',
      '28 C',
    ];
    const body = [
      'Port Strike Ends After Talks In Lisbon',
      'Published reports say the minister resigned in May.',
      'Follow the money, the investigators said.',
      'Fans who like us on Facebook and follow us on Twitter will see the match first.',
      'In 2020.',
    ];
    expect(blocksOf([...furniture, ...body].join('\n')).map((b) => b.kind)).toEqual([
      ...furniture.map(() => BlockKind.FURNITURE),
      ...body.map(() => BlockKind.BODY),
    ]);
  });
});
