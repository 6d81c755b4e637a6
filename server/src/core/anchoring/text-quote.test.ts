import { describe, expect, it } from 'vitest';

import { codePointIndex, locateQuote, selectorForRange, sliceCodePoints } from './text-quote.js';

const repeated = 'Intro.\n\nSame words here.\n\nMiddle.\n\nSame words here.\n\nEnd.';

describe('locateQuote', () => {
  it('finds a quote that occurs once and records its context', () => {
    const match = locateQuote(repeated, { exact: 'Middle' });
    expect(match).toEqual({
      ok: true,
      selector: { exact: 'Middle', prefix: 'Intro.\n\nSame words here.\n\n', suffix: '.\n\nSame words here.\n\nEnd.', start: 26, end: 32 },
    });
  });

  it('refuses to guess between repeats', () => {
    expect(locateQuote(repeated, { exact: 'Same words' })).toEqual({ ok: false, reason: 'AMBIGUOUS', occurrences: 2 });
  });

  it('uses prefix and suffix to pick one repeat', () => {
    const first = locateQuote(repeated, { exact: 'Same words', prefix: 'Intro.\n\n' });
    const second = locateQuote(repeated, { exact: 'Same words', prefix: 'Middle.\n\n' });
    expect(first.ok && first.selector.start).toBe(8);
    expect(second.ok && second.selector.start).toBe(35);
    const bySuffix = locateQuote(repeated, { exact: 'here.', suffix: '\n\nEnd' });
    expect(bySuffix.ok && bySuffix.selector.start).toBe(46);
  });

  it('reports a quote that is not in the text, or whose context does not match', () => {
    expect(locateQuote(repeated, { exact: 'Absent' })).toEqual({ ok: false, reason: 'NOT_FOUND', occurrences: 0 });
    expect(locateQuote(repeated, { exact: 'Middle', prefix: 'Outro' })).toEqual({ ok: false, reason: 'NOT_FOUND', occurrences: 0 });
    expect(locateQuote(repeated, { exact: '' })).toEqual({ ok: false, reason: 'EMPTY', occurrences: 0 });
  });
});

describe('positions in code points', () => {
  const text = 'a😀b “c” d';

  it('count an astral character once, as W3C and PostgreSQL do', () => {
    expect(codePointIndex(text, 3)).toBe(2);
    const match = locateQuote(text, { exact: '“c”' });
    expect(match.ok && [match.selector.start, match.selector.end]).toEqual([4, 7]);
    expect(sliceCodePoints(text, 4, 7)).toBe('“c”');
  });

  it('never cut context through the middle of an emoji', () => {
    const emojis = '😀'.repeat(20);
    // 32 code units before and after would start and end inside a pair: the context is one unit shorter instead.
    const selector = selectorForRange(`${emojis}xqy${emojis}`, 41, 42);
    expect(selector.exact).toBe('q');
    expect(selector.prefix).toBe(`${'😀'.repeat(15)}x`);
    expect(selector.suffix).toBe(`y${'😀'.repeat(15)}`);
  });

  it('round-trip through selectorForRange', () => {
    const selector = selectorForRange(text, 1, 3);
    expect(selector.exact).toBe('😀');
    expect(sliceCodePoints(text, selector.start, selector.end)).toBe('😀');
  });
});
