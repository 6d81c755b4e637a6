/**
 * W3C Web Annotation selectors over a text: TextQuoteSelector (`exact` with `prefix`/`suffix`) and
 * TextPositionSelector (`start`, `end`). Positions count Unicode code points, as the W3C model and
 * PostgreSQL's substr() do; for text without astral characters they equal JavaScript string indices.
 */

export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type QuoteMatch =
  { ok: true; selector: TextSelector } | { ok: false; reason: 'EMPTY' | 'NOT_FOUND' | 'AMBIGUOUS'; occurrences: number };

/** Context kept on each side of a quote, as W3C suggests, to re-find it after the text changes. */
export const CONTEXT_LENGTH = 32;

/** Every offset (in code units) where `needle` starts in `text`, overlapping matches included. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Finds the one place a quote stands in a text. `prefix` must end right where the quote begins and `suffix`
 * begin right where it ends; together they must leave exactly one occurrence, never a guess among several.
 */
export function locateQuote(text: string, quote: TextQuote): QuoteMatch {
  if (quote.exact.length === 0) return { ok: false, reason: 'EMPTY', occurrences: 0 };
  const all = occurrences(text, quote.exact);
  const matching = all.filter(
    (at) =>
      (!quote.prefix || text.slice(0, at).endsWith(quote.prefix)) &&
      (!quote.suffix || text.slice(at + quote.exact.length).startsWith(quote.suffix)),
  );
  if (matching.length !== 1) {
    return { ok: false, reason: matching.length === 0 ? 'NOT_FOUND' : 'AMBIGUOUS', occurrences: matching.length };
  }
  const at = matching[0]!;
  return { ok: true, selector: selectorForRange(text, at, at + quote.exact.length) };
}

/** The selector for a range given in code units, with up to CONTEXT_LENGTH code units of context each side. */
export function selectorForRange(text: string, startUnit: number, endUnit: number): TextSelector {
  return {
    exact: text.slice(startUnit, endUnit),
    prefix: text.slice(wholeCharacterBoundary(text, Math.max(0, startUnit - CONTEXT_LENGTH), 1), startUnit),
    suffix: text.slice(endUnit, wholeCharacterBoundary(text, endUnit + CONTEXT_LENGTH, -1)),
    start: codePointIndex(text, startUnit),
    end: codePointIndex(text, endUnit),
  };
}

/**
 * A code unit index moved, by one in `direction`, off the middle of a surrogate pair, so that context cut there
 * never holds half an emoji.
 */
export function wholeCharacterBoundary(text: string, unit: number, direction: 1 | -1): number {
  const before = text.charCodeAt(unit - 1);
  const at = text.charCodeAt(unit);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
  return splitsPair ? unit + direction : unit;
}

/** The code point index of a code unit index. */
export function codePointIndex(text: string, unitIndex: number): number {
  let surrogatePairs = 0;
  for (let i = 0; i < unitIndex - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return unitIndex - surrogatePairs;
}

/** The text between two code point positions: what a TextPositionSelector selects. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * The code unit index of a code point position: the inverse of codePointIndex, for reading a stored
 * TextPositionSelector against a JavaScript string. -1 when the text has fewer code points than that.
 */
export function codeUnitIndex(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0) return -1;
  let unit = 0;
  for (let point = 0; point < codePoint; point++) {
    if (unit >= text.length) return -1;
    const code = text.charCodeAt(unit);
    const next = text.charCodeAt(unit + 1);
    unit += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return unit;
}
