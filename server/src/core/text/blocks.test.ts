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
    expect(blocks.filter((b) => b.kind === BlockKind.FURNITURE).map(text)).toEqual(expect.arrayContaining(['0', '2022/267', 'Share.', 'About Author', 'Comments are closed.']));
    const repeats = blocks.filter((b) => b.kind === BlockKind.REPEAT);
    expect(repeats).toHaveLength(1);
    expect(text(repeats[0]!)).toBe(text(blocks[repeats[0]!.repeatOf!]!));
    expect(text(repeats[0]!)).toMatch(/^According to a presidential aide/);
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
});
