import { describe, expect, it } from 'vitest';

import { piecesOf, selectorFor } from './layout';

describe('the reader layout', () => {
  it('counts positions in code points, as evidence selectors do', () => {
    const codePoints = Array.from('𝒜 said “yes”.\nThen 𝒜 left.');
    expect(selectorFor(codePoints, 19, 20)).toMatchObject({ exact: '𝒜', prefix: '𝒜 said “yes”.\nThen ', suffix: ' left.' });
  });

  it('cuts overlapping spans into pieces each covered by one set of spans', () => {
    const a = { start: 2, end: 8, id: 'a' };
    const b = { start: 5, end: 12, id: 'b' };
    expect(piecesOf(0, 10, [a, b], (span) => span).map((p) => [p.start, p.end, p.spans.map((s) => s.id).join('')])).toEqual([
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 8, 'ab'],
      [8, 10, 'b'],
    ]);
  });
});
