/**
 * The reader's view of a text: its paragraphs in code points (the API's positions), with page furniture and
 * repeated paragraphs told apart so they can be shown dimmed and marked, never hidden.
 */
export type ParagraphKind = 'BODY' | 'FURNITURE' | 'REPEAT' | 'BLANK';

export interface Paragraph {
  start: number;
  end: number;
  kind: ParagraphKind;
  /** For a repeat: the index of the paragraph it repeats. */
  repeatOf?: number;
}

const FURNITURE_LINES = [
  /^\d+$/, // a lone number: a comment count, a page number
  /^\d{4}\/\d+$/, // an archive number such as 2022/267
  /^share\.?$/i,
  /^about (the )?author\.?$/i,
  /^comments are closed\.?$/i,
  /^(read more|related( posts| articles)?|tags?:.*|print|email|tweet|advertisement)\.?$/i,
  /^(by|posted by|written by) [^.]{1,60}$/i,
];

export const isFurniture = (line: string) => FURNITURE_LINES.some((pattern) => pattern.test(line.trim()));

const normalise = (line: string) => line.replace(/\s+/g, ' ').trim().toLowerCase();

/** Splits at line breaks; positions count code points, so they match evidence selectors. */
export function paragraphsOf(codePoints: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const seen = new Map<string, number>();
  let start = 0;
  const close = (end: number) => {
    const line = codePoints.slice(start, end).join('');
    let kind: ParagraphKind = 'BODY';
    let repeatOf: number | undefined;
    const key = normalise(line);
    if (key === '') kind = 'BLANK';
    else if (isFurniture(line)) kind = 'FURNITURE';
    else if (key.length >= 40 && seen.has(key)) {
      kind = 'REPEAT';
      repeatOf = seen.get(key);
    } else if (key.length >= 40) seen.set(key, paragraphs.length);
    paragraphs.push({ start, end, kind, ...(repeatOf === undefined ? {} : { repeatOf }) });
  };
  codePoints.forEach((char, i) => {
    if (char === '\n') {
      close(i);
      start = i + 1;
    }
  });
  close(codePoints.length);
  return paragraphs;
}

export interface Span {
  start: number;
  end: number;
}

/** Cuts [start, end) at every span boundary, so each piece is covered by one unchanging set of spans. */
export function piecesOf<T>(start: number, end: number, items: readonly T[], rangeOf: (item: T) => Span): Array<{ start: number; end: number; spans: T[] }> {
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
