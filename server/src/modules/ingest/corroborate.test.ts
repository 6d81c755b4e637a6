import { describe, expect, it } from 'vitest';

import { DatePrecision } from '../../core/dates/precision.js';
import { Attribution } from '../claims/claims.enums.js';
import { bestCorroboration, checkWorthiness, claimSimilarity, matchEvent, SAME_CLAIM, sameStory } from './corroborate.js';

/** Sentences the team wrote for these tests, on harbours and mayors: one pattern each. */
describe('across sources', () => {
  const claim = (text: string, claimantId: string | null = null, attribution = Attribution.AUTHOR_ASSERTION) => ({
    text,
    claimantId,
    claimantLabel: claimantId ? null : 'the author',
    attribution,
  });

  it('finds the same claim in other words, past the desk line, the frame of saying and a synonym', () => {
    const wire = 'PORTO (Wire) - The mayor said the two ports signed a dredging pact on Monday.';
    const paper = 'According to the mayor, the ports signed an agreement on dredging on Monday.';
    expect(claimSimilarity(wire, paper)).toBeGreaterThanOrEqual(SAME_CLAIM);
    expect(claimSimilarity(wire, 'The governor opened a new bridge over the river on Monday.')).toBeLessThan(SAME_CLAIM);
  });

  it('keeps apart claims whose figures differ, however many words they share', () => {
    expect(
      claimSimilarity(
        'Trade between the ports reached 300 million euros last year.',
        'Trade between the ports reached 450 million euros last year.',
      ),
    ).toBe(0);
  });

  it('offers a stored claim only when the claimant fits: the same one, or one side naming none', () => {
    const said = claim('The harbour will be dredged to fourteen metres by the spring.', 'mayor', Attribution.REPORTED_SPEECH);
    const stored = [
      claim('The harbour is to be dredged to fourteen metres by the spring, officials said.', 'governor', Attribution.REPORTED_SPEECH),
    ];
    expect(bestCorroboration(said, stored)).toBeNull();
    const unnamed = { ...stored[0]!, claimantId: null };
    expect(bestCorroboration(said, [unnamed])?.claim).toBe(unnamed);
  });

  it('matches a happening told again, and says when the new date is finer and inside the stored one', () => {
    const stored = {
      type: 'MEETING',
      modality: 'OCCURRED',
      participants: ['mayor', 'governor'],
      start: { date: '2023-11-13', precision: DatePrecision.WEEK },
    };
    const day = { ...stored, participants: ['mayor'], start: { date: '2023-11-14', precision: DatePrecision.DAY } };
    expect(matchEvent(day, stored)).toEqual({ raisesPrecision: true });
    expect(matchEvent({ ...day, start: { date: '2023-11-21', precision: DatePrecision.DAY } }, stored)).toBeNull();
    expect(matchEvent({ ...day, type: 'VISIT' }, stored)).toBeNull();
    expect(matchEvent({ ...day, participants: ['harbour master'] }, stored)).toBeNull();
    expect(matchEvent(stored, day)).toEqual({ raisesPrecision: false });
  });

  it('groups sources sharing names and dates within days, not those weeks apart', () => {
    const first = { entityIds: new Set(['mayor', 'governor', 'porto']), dates: [{ date: '2023-11-16', precision: DatePrecision.DAY }] };
    const second = { entityIds: new Set(['mayor', 'governor']), dates: [{ date: '2023-11-20', precision: DatePrecision.DAY }] };
    expect(sameStory(first, second, 0)).toBe(true);
    expect(sameStory(first, { ...second, dates: [{ date: '2023-12-20', precision: DatePrecision.DAY }] }, 0)).toBe(false);
    expect(sameStory(first, { ...second, entityIds: new Set(['mayor']) }, 0)).toBe(false);
    expect(sameStory(first, { ...second, entityIds: new Set(['mayor']) }, 1)).toBe(true);
    expect(sameStory(first, { ...second, dates: [{ date: '2023-11-01', precision: DatePrecision.MONTH }] }, 0)).toBe(false);
  });

  it('ranks a named speaker with figures, dates and comparisons above a scene, and credits last', () => {
    const quote = checkWorthiness(
      claim('"Traffic through the port grew by 12 percent in March, more than ever," the mayor said.', 'mayor', Attribution.DIRECT_QUOTE),
    );
    const scene = checkWorthiness(claim('Children waved flags along the quay as the ferry left.'));
    const credit = checkWorthiness(claim('Reporting by Ana Silva; editing by Tom Hale.'));
    expect(quote).toBeGreaterThan(scene);
    expect(scene).toBeGreaterThan(credit);
    expect(quote).toBeLessThanOrEqual(1);
  });
});
