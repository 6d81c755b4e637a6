import { describe, expect, it } from 'vitest';
import { DatePrecision } from '../../core/dates/precision.js';
import { blocksOf } from '../../core/text/blocks.js';
import { Gazetteer } from './gazetteer.js';
import { propose } from './propose.js';

const gazetteer = new Gazetteer([
  { id: 'costa', name: 'Ana Costa', kind: 'PERSON', aliases: ['Costa'] },
  { id: 'weber', name: 'Jonas Weber', kind: 'PERSON', aliases: ['Weber'] },
  { id: 'port', name: 'Harbour Board', kind: 'ORGANIZATION', aliases: [] },
  { id: 'wire', name: 'Nordic Wire', kind: 'ORGANIZATION', aliases: [] },
  { id: 'lisbon', name: 'Lisbon', kind: 'PLACE', aliases: [] },
]);

/** Written for these tests: each paragraph puts the speaker in another place. */
const TEXT = [
  'Ferry strike ends',
  '“We have a deal. The ferries run again on Monday,” Costa told reporters in Lisbon.',
  'The talks lasted all night, the Harbour Board said in a statement on its website.',
  '“Every crew is back at work and the timetable holds,” the statement said.',
  'The agreement covers the next three winters, said Weber, who led the union side.',
  'Jonas Weber met the board on Tuesday. “It was hard. It was fair,” he said.',
  'Costa was less talkative, but called the deal “a fair end to a long dispute”.',
  'The Portuguese minister praised both sides, Nordic Wire quoted Costa as saying in a radio interview.',
  'Speaking after the signing, the minister said:',
  '“This is the end of a long winter for the islands and their ferries.”',
  'Fares will rise by two percent, according to union officials.',
  'Dockworkers in Lisbon unloaded the first ferry before dawn.',
].join('\n\n');

describe('speech attribution', () => {
  const { claims } = propose(TEXT, blocksOf(TEXT), {
    gazetteer,
    publication: { date: '2024-03-08', precision: DatePrecision.DAY },
    eventTypes: new Set(['MEETING', 'AGREEMENT', 'STATEMENT', 'OTHER']),
    authorLabel: 'the reporter',
  });
  const on = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim on ${start}`);
    return { attribution: claim.attribution, claimant: claim.claimantId ?? claim.claimantLabel };
  };

  it('finds the speaker after a quote with full stops inside, and keeps the quote whole', () => {
    expect(on('“We have a deal.')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
    expect(claims.some((c) => c.text.startsWith('The ferries run again'))).toBe(false);
  });

  it('gives "the statement said" to the organisation that issued it', () => {
    expect(on('The talks lasted')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'port' });
    expect(on('“Every crew is back')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'port' });
  });

  it('reads "said X" and pronouns for the last named person', () => {
    expect(on('The agreement covers')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'weber' });
    expect(on('“It was hard.')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'weber' });
    expect(on('Costa was less talkative')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
  });

  it('reads "quoted X as saying", a role, "according to" and a speaker announced before the quote', () => {
    expect(on('The Portuguese minister praised')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'costa' });
    expect(on('“This is the end')).toEqual({ attribution: 'DIRECT_QUOTE', claimant: 'costa' });
    expect(on('Fares will rise')).toEqual({ attribution: 'REPORTED_SPEECH', claimant: 'union officials' });
  });

  it('leaves the author what nobody else says', () => {
    expect(on('Dockworkers in Lisbon')).toEqual({ attribution: 'AUTHOR_ASSERTION', claimant: 'the reporter' });
  });
});
