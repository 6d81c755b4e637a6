import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changedRuns, diffText, type Hunk } from './text-diff.js';

/** The new text rebuilt from the old and the hunks: what a diff must give back. */
function apply(oldText: string, newText: string, hunks: Hunk[]): string {
  let out = '';
  let at = 0;
  for (const hunk of hunks) {
    out += oldText.slice(at, hunk.oldStart) + newText.slice(hunk.newStart, hunk.newEnd);
    at = hunk.oldEnd;
  }
  return out + oldText.slice(at);
}

describe('diffText', () => {
  it('finds two small edits in different paragraphs as two hunks, leaving the text between untouched', () => {
    const oldText = 'China, which does not. always appoints him.\n\nThe paragraph between.\n\nA month earlier, Lavrov met.';
    const newText = 'China, which does not always appoint him.\n\nThe paragraph between.\n\nThe month before, Lavrov met.';
    const hunks = diffText(oldText, newText);
    expect(apply(oldText, newText, hunks)).toBe(newText);
    expect(hunks.every((hunk) => hunk.oldEnd < oldText.indexOf('The paragraph') || hunk.oldStart > oldText.indexOf('between.'))).toBe(true);
    expect(hunks.map((hunk) => [oldText.slice(hunk.oldStart, hunk.oldEnd), newText.slice(hunk.newStart, hunk.newEnd)])).toEqual([
      ['.', ''],
      ['s', ''],
      ['A', 'The'],
      ['earlier', 'before'],
    ]);
  });

  it('keeps two edits within one line apart', () => {
    const oldText = 'Teh minister said the port will open next yaer.';
    const newText = 'The minister said the port will open next year.';
    const hunks = diffText(oldText, newText);
    expect(apply(oldText, newText, hunks)).toBe(newText);
    const untouched = oldText.indexOf('said the port');
    expect(hunks.some((hunk) => hunk.oldStart < untouched + 13 && hunk.oldEnd > untouched)).toBe(false);
  });

  it('never cuts a surrogate pair', () => {
    const oldText = 'a 😀 b';
    const newText = 'a 😁 b';
    const [hunk] = diffText(oldText, newText);
    expect(oldText.slice(hunk!.oldStart, hunk!.oldEnd)).toBe('😀');
    expect(newText.slice(hunk!.newStart, hunk!.newEnd)).toBe('😁');
  });

  it('turns any text into any other, hunks in order and apart (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '😀', 'မ', '်', '.'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (oldText, newText) => {
        const hunks = diffText(oldText, newText);
        expect(apply(oldText, newText, hunks)).toBe(newText);
        hunks.forEach((hunk, i) => {
          expect(hunk.oldEnd).toBeGreaterThanOrEqual(hunk.oldStart);
          expect(hunk.oldEnd > hunk.oldStart || hunk.newEnd > hunk.newStart).toBe(true);
          if (i > 0) expect(hunk.oldStart).toBeGreaterThanOrEqual(hunks[i - 1]!.oldEnd);
        });
        for (const hunk of hunks) {
          for (const [text, at] of [
            [oldText, hunk.oldStart],
            [oldText, hunk.oldEnd],
            [newText, hunk.newStart],
            [newText, hunk.newEnd],
          ] as const) {
            const code = text.charCodeAt(at);
            expect(at < text.length && code >= 0xdc00 && code <= 0xdfff).toBe(false);
          }
        }
      }),
      { numRuns: 500, seed: 20261206 },
    );
  });

  it('finds a shortest script: as many edits as the textbook table says (property)', () => {
    const sequence = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 25 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        // Insertions and deletions only, as Myers counts: n + m − 2 · LCS.
        const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = 1; i <= a.length; i++)
          for (let j = 1; j <= b.length; j++)
            lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
        const runs = changedRuns(a, b);
        const edits = runs.reduce((sum, run) => sum + (run.oldEnd - run.oldStart) + (run.newEnd - run.newStart), 0);
        expect(edits).toBe(a.length + b.length - 2 * lcs[a.length]![b.length]!);
      }),
      { numRuns: 500, seed: 20261206 },
    );
  });
});
