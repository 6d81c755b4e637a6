/** Helpers for drawing a text with spans on it; positions count code points, as evidence selectors do. */
export type BlockKind = 'BODY' | 'FURNITURE' | 'REPEAT' | 'BLANK';

/** A paragraph as the API labels it (`SourceRevision.blocks`). */
export interface Paragraph {
  start: number;
  end: number;
  kind: BlockKind;
  repeatOf: number | null;
}

export interface Span {
  start: number;
  end: number;
}

/** Cuts [start, end) at every span boundary, so each piece is covered by one unchanging set of spans. */
export function piecesOf<T>(
  start: number,
  end: number,
  items: readonly T[],
  rangeOf: (item: T) => Span,
): Array<{ start: number; end: number; spans: T[] }> {
  const cuts = new Set([start, end]);
  for (const item of items) {
    const span = rangeOf(item);
    if (span.start > start && span.start < end) cuts.add(span.start);
    if (span.end > start && span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Array<{ start: number; end: number; spans: T[] }> = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i]!, points[i + 1]!];
    pieces.push({ start: from, end: to, spans: items.filter((item) => rangeOf(item).start < to && rangeOf(item).end > from) });
  }
  return pieces;
}

/** A selector for [start, end), with up to 32 code points of context each side, as the API stores one. */
export function selectorFor(codePoints: readonly string[], start: number, end: number) {
  return {
    exact: codePoints.slice(start, end).join(''),
    prefix: codePoints.slice(Math.max(0, start - 32), start).join(''),
    suffix: codePoints.slice(end, end + 32).join(''),
    start,
    end,
  };
}
