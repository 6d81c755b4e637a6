/**
 * What a correction changed: the stretches of the old text it replaced, each with what replaced it. Pure: no
 * database, no GraphQL; offsets are UTF-16 code units, and no stretch splits a surrogate pair.
 *
 * A correction is usually a few small edits far apart (a typo here, a date there). The diff is taken over lines
 * first, whose long and distinct contents align without ambiguity, and then over the characters of each changed
 * run of lines, so two edits in one paragraph stay two edits and the words between them stay untouched.
 */

export interface Hunk {
  /** The replaced stretch of the old text, [oldStart, oldEnd); empty for an insertion. */
  oldStart: number;
  oldEnd: number;
  /** What replaced it in the new text, [newStart, newEnd); empty for a deletion. */
  newStart: number;
  newEnd: number;
}

/** Past this many edits in one alignment, the changed run is taken as one stretch: the text was rewritten. */
const MAX_EDITS = 2000;
/** Past this many code units, a changed run of lines is trimmed at its ends only, not diffed character by character. */
const MAX_CHARACTER_DIFF = 20_000;

/** The hunks that turn `oldText` into `newText`, in order, none touching another. */
export function diffText(oldText: string, newText: string): Hunk[] {
  if (oldText === newText) return [];
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const oldIds = oldLines.map(idOf);
  const newIds = newLines.map(idOf);
  const oldStarts = lineStarts(oldLines);
  const newStarts = lineStarts(newLines);
  const hunks: Hunk[] = [];
  for (const block of changedRuns(oldIds, newIds)) {
    const oldStart = oldStarts[block.oldStart]!;
    const oldEnd = oldStarts[block.oldEnd]!;
    const newStart = newStarts[block.newStart]!;
    const newEnd = newStarts[block.newEnd]!;
    for (const hunk of diffCharacters(oldText.slice(oldStart, oldEnd), newText.slice(newStart, newEnd))) {
      hunks.push({
        oldStart: oldStart + hunk.oldStart,
        oldEnd: oldStart + hunk.oldEnd,
        newStart: newStart + hunk.newStart,
        newEnd: newStart + hunk.newEnd,
      });
    }
  }
  return hunks;
}

/** Lines with their line breaks, so that they join back into the text. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function lineStarts(lines: string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length);
  return starts;
}

function diffCharacters(oldText: string, newText: string): Hunk[] {
  // Ends in common first: they cost nothing, and most runs are one line with one edit.
  let head = 0;
  const shortest = Math.min(oldText.length, newText.length);
  while (head < shortest && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shortest - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const oldMiddle = oldText.slice(head, oldText.length - tail);
  const newMiddle = newText.slice(head, newText.length - tail);
  const runs =
    oldMiddle.length + newMiddle.length <= MAX_CHARACTER_DIFF
      ? changedRuns(codes(oldMiddle), codes(newMiddle))
      : [{ oldStart: 0, oldEnd: oldMiddle.length, newStart: 0, newEnd: newMiddle.length }];
  return withinWords(oldMiddle, runs).map((run) =>
    wholePoints(oldText, newText, {
      oldStart: head + run.oldStart,
      oldEnd: head + run.oldEnd,
      newStart: head + run.newStart,
      newEnd: head + run.newEnd,
    }),
  );
}

/**
 * A shortest script over characters keeps letters two different words happen to share ("earlier" → "before"
 * keeps an e and an r): hunks with only a piece of a word between them are one edit of that word.
 */
function withinWords(oldText: string, runs: Hunk[]): Hunk[] {
  const merged: Hunk[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && !/\s/.test(oldText.slice(last.oldEnd, run.oldStart)))
      merged[merged.length - 1] = { ...last, oldEnd: run.oldEnd, newEnd: run.newEnd };
    else merged.push(run);
  }
  return merged;
}

function codes(text: string): Int32Array {
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** A hunk widened so that it never cuts between the two halves of a surrogate pair, on either side. */
function wholePoints(oldText: string, newText: string, hunk: Hunk): Hunk {
  let { oldStart, oldEnd, newStart, newEnd } = hunk;
  while (oldStart > 0 && newStart > 0 && (isLowSurrogate(oldText.charCodeAt(oldStart)) || isLowSurrogate(newText.charCodeAt(newStart)))) {
    oldStart--;
    newStart--;
  }
  while (
    oldEnd < oldText.length &&
    newEnd < newText.length &&
    (isLowSurrogate(oldText.charCodeAt(oldEnd)) || isLowSurrogate(newText.charCodeAt(newEnd)))
  ) {
    oldEnd++;
    newEnd++;
  }
  return { oldStart, oldEnd, newStart, newEnd };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The runs where two sequences differ, from a shortest edit script (Myers, 1986: O((N + M) D) time for D
 * edits). Beyond MAX_EDITS the whole of both is one run.
 */
export function changedRuns(a: ArrayLike<number>, b: ArrayLike<number>): Hunk[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  /** v as each round of edits began: enough to walk the script back. */
  const trace: Int32Array[] = [];
  let edits = -1;
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        edits = d;
        break search;
      }
    }
  }
  if (edits === -1) return n + m === 0 ? [] : [{ oldStart: 0, oldEnd: n, newStart: 0, newEnd: m }];

  // Walk back from the end, collecting the stretches the script keeps (its diagonals), last first.
  const kept: Array<{ x: number; y: number; length: number }> = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    const startX = previousK === k + 1 ? previousX : previousX + 1;
    const startY = startX - k;
    if (x > startX) kept.push({ x: startX, y: startY, length: x - startX });
    x = previousX;
    y = previousY;
  }
  if (x > 0) kept.push({ x: 0, y: 0, length: x });
  kept.reverse();

  const runs: Hunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const stretch of [...kept, { x: n, y: m, length: 0 }]) {
    if (stretch.x > oldAt || stretch.y > newAt) runs.push({ oldStart: oldAt, oldEnd: stretch.x, newStart: newAt, newEnd: stretch.y });
    oldAt = stretch.x + stretch.length;
    newAt = stretch.y + stretch.length;
  }
  return runs;
}
