import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphsOf, piecesOf, selectorFor } from './layout';

const seedText = readFileSync(new URL('../../../seeds/000_644cae95aa9a28a1.txt', import.meta.url), 'utf8');

describe('the reader layout', () => {
  it('marks the seed article’s page furniture and its repeated paragraph, and keeps every word', () => {
    const codePoints = Array.from(seedText);
    const paragraphs = paragraphsOf(codePoints);
    const text = (p: { start: number; end: number }) => codePoints.slice(p.start, p.end).join('').trim();
    expect(paragraphs.map((p) => codePoints.slice(p.start, p.end).join('')).join('\n')).toBe(seedText);
    const furniture = paragraphs.filter((p) => p.kind === 'FURNITURE').map(text);
    expect(furniture).toEqual(expect.arrayContaining(['0', '2022/267', 'Share.', 'About Author', 'Comments are closed.']));
    const repeats = paragraphs.filter((p) => p.kind === 'REPEAT');
    expect(repeats).toHaveLength(1);
    expect(text(repeats[0]!)).toBe(text(paragraphs[repeats[0]!.repeatOf!]!));
    expect(paragraphs.filter((p) => p.kind === 'BODY').length).toBeGreaterThan(10);
  });

  it('counts positions in code points, as evidence selectors do', () => {
    const codePoints = Array.from('𝒜 said “yes”.\nThen 𝒜 left.');
    const [first, second] = paragraphsOf(codePoints);
    expect(first).toMatchObject({ start: 0, end: 13 });
    expect(second!.start).toBe(14);
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
