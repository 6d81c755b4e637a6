/**
 * Re-anchoring (invariant 4): when a source's text is corrected, each evidence's selector, made over the old
 * text, is found again in the new one. The ladder is: the same position (if its context still agrees), then
 * the exact quote (prefix and suffix choose among repeats), then a fuzzy match for a reviewer to confirm,
 * else ORPHANED. Only the first two may answer ANCHORED, and only with the very words of the old quote; a
 * location that cannot be told apart from another is never guessed.
 *
 * Pure: no database, no GraphQL. Positions in results are code points (see text-quote.ts); internally
 * everything works in UTF-16 code units and converts once, through selectorForRange.
 */
import { diffText } from './text-diff.js';
import { codeUnitIndex, CONTEXT_LENGTH, selectorForRange, type TextSelector } from './text-quote.js';

export type ReanchorResult =
  | { status: 'ANCHORED'; method: 'POSITION' | 'QUOTE'; selector: TextSelector }
  /** `selector.exact` is what the new text now says at the match; `similarity` in [0, 1] compares it with the
   * old quote, typography aside (1: the same words, only quotes, dashes or spacing differ, or the words are the
   * same but their context no longer confirms the place). */
  | { status: 'FUZZY'; selector: TextSelector; similarity: number }
  | { status: 'ORPHANED' };

/**
 * The least similarity (1 − edit distance / length of the longer, over typography-folded text) at which an
 * approximate match still counts as the same words. A typo fixed or one word changed in a sentence-long quote
 * stays well above it (one changed word in ten costs about 0.1). Chance stays well below it: in the seed
 * article, the best alignment of a passage against the rest of the text has a median similarity of 0.55 for
 * 20 characters, 0.45 for 40 and 0.36 for 120, and never passed 0.70 from 40 characters on (short passages
 * can match by chance, hence DISTINCTIVE_QUOTE). Below 0.8 the quote was rewritten rather than corrected: a
 * reviewer should anchor it again by hand rather than be shown a doubtful match.
 */
export const FUZZY_THRESHOLD = 0.8;

/** POSITION holds only when this much of the context nearest the quote is unchanged on both sides. */
const NEAR_CONTEXT = 8;
/** Agreeing context, in code units over both sides, that confirms a location when neither side agrees whole. */
const CONFIRMING_CONTEXT = 12;
/** Folded code units of a fuzzy quote that identify it without any confirming context: as long as a context
 * window. Shorter quotes ("Min Aung Hlaing", "the army said") recur too often to stand on their own. */
const DISTINCTIVE_QUOTE = CONTEXT_LENGTH;
/** Beyond this many approximate matches the quote is too common to place: better ORPHANED than a guess. */
const MAX_CANDIDATES = 2000;
/** A fuzzy match cut inside a word is widened to the word, but never by more than this many code units. */
const WORD_WIDENING = 12;
/**
 * Work allowed to the approximate search, in (text units × 32-unit pattern blocks), about 5 ns each: within
 * it the whole text is scanned (a 640-unit quote over 200,000 units); beyond, only around seeds.
 */
const SCAN_BUDGET = 4_000_000;
/** Exact pattern pieces looked up to find where a long quote may have gone. */
const SEED_LENGTH = 16;
const MAX_SEEDS = 64;
const MAX_SEED_HITS = 32;

const ORPHANED: ReanchorResult = Object.freeze({ status: 'ORPHANED' });

/** Re-anchors one selector, made over an earlier text, in `newText`. */
export function reanchor(previous: TextSelector, newText: string): ReanchorResult {
  return createReanchorer(newText)(previous);
}

/**
 * A re-anchorer for one new text. A correction re-anchors every evidence of the source against the same text:
 * this folds that text once, on the first fuzzy search, instead of once per evidence.
 */
export function createReanchorer(newText: string): (previous: TextSelector) => ReanchorResult {
  let folded: FoldedText | undefined;
  const foldedText = () => (folded ??= foldTypography(newText));
  return (previous) => reanchorIn(newText, foldedText, previous);
}

/**
 * A re-anchorer that also knows the text being corrected, and so what the correction changed (`diffText`: a few
 * edits, each a replaced stretch). A quote no edit touches keeps its very words, moved by the edits before it:
 * ANCHORED, exactly, however the text around it changed and however often the same words stand elsewhere (a
 * paragraph printed twice, say), since the edit itself says which of them it is. A quote an edit touches reads
 * as the edit left it, never cut to a part of itself: FUZZY, for a reviewer to confirm, while the words are still
 * alike. Only a quote rewritten beyond that goes down the ladder of `createReanchorer`.
 */
export function createCorrectionReanchorer(oldText: string, newText: string): (previous: TextSelector) => ReanchorResult {
  const ladder = createReanchorer(newText);
  const hunks = diffText(oldText, newText);
  /** Where old offset `at` is in the new text, with every edit that ends at or before it applied. */
  const shifted = (at: number, insertionsAtCount: boolean) => {
    let shift = 0;
    for (const hunk of hunks) {
      if (hunk.oldEnd > at || (!insertionsAtCount && hunk.oldStart === at)) break;
      shift += hunk.newEnd - hunk.newStart - (hunk.oldEnd - hunk.oldStart);
    }
    return at + shift;
  };
  return (previous) => {
    const start = codeUnitIndex(oldText, previous.start);
    const end = codeUnitIndex(oldText, previous.end);
    if (start < 0 || end < start || oldText.slice(start, end) !== previous.exact) return ladder(previous);
    const touching = hunks.filter(
      (hunk) => hunk.oldStart < end && (hunk.oldEnd > start || (hunk.oldStart === hunk.oldEnd && hunk.oldStart > start)),
    );
    if (touching.length === 0) {
      const at = shifted(start, true);
      return { status: 'ANCHORED', method: 'POSITION', selector: selectorForRange(newText, at, at + (end - start)) };
    }
    // The quote's words as the edit left them: from where it began (or where the edit of its first words begins)
    // to where it ended (or where the edit of its last words ends).
    const first = touching[0]!;
    const last = touching.at(-1)!;
    const newStart = first.oldStart <= start ? first.newStart : shifted(start, true);
    const newEnd = last.oldEnd >= end ? last.newEnd : shifted(end, false);
    // Words that stood once and stand once are the same words, moved, whatever the edits around them: the diff
    // only failed to say so where the edits repeat the words' own neighbourhood.
    const nowAt = occurrences(newText, previous.exact, 1);
    if (nowAt?.length === 1 && occurrences(oldText, previous.exact, 1)?.length === 1) {
      return { status: 'ANCHORED', method: 'QUOTE', selector: selectorForRange(newText, nowAt[0]!, nowAt[0]! + previous.exact.length) };
    }
    // A quote whose edit replaced far more than it (a paragraph rewritten) was not corrected but rewritten.
    if (newEnd > newStart && newEnd - newStart <= 2 * (end - start) + CONTEXT_LENGTH) {
      // The very words still standing where the edit left the quote: the edit, as the diff reads it, cut through
      // a repeat beside them ("the the" with one more "the"), not through the words themselves.
      const standing = occurrences(newText, previous.exact).filter((at) => at < newEnd && at + previous.exact.length > newStart);
      if (standing.length === 1)
        return {
          status: 'ANCHORED',
          method: 'POSITION',
          selector: selectorForRange(newText, standing[0]!, standing[0]! + previous.exact.length),
        };
      const words = foldTypography(newText.slice(newStart, newEnd)).text;
      const was = foldTypography(previous.exact).text;
      const alike = similarity(editDistance(was, words), was.length, words.length);
      if (alike >= FUZZY_THRESHOLD) return { status: 'FUZZY', selector: selectorForRange(newText, newStart, newEnd), similarity: alike };
    }
    // Rewritten or deleted where it stood. The same words found elsewhere are another instance of them (the other
    // printing of a paragraph whose first printing was deleted, say): that may be what the editor wants, but a
    // reviewer must say so.
    const result = ladder(previous);
    if (result.status === 'ORPHANED') return result;
    const landedAt = codeUnitIndex(newText, result.selector.start);
    const landedEnd = codeUnitIndex(newText, result.selector.end);
    if (landedAt >= first.newStart && landedEnd <= last.newEnd) return result;
    if (occurrences(oldText, previous.exact, 1) !== undefined) return result;
    return { status: 'FUZZY', selector: result.selector, similarity: result.status === 'FUZZY' ? result.similarity : 1 };
  };
}

function reanchorIn(text: string, foldedText: () => FoldedText, previous: TextSelector): ReanchorResult {
  const { exact, prefix, suffix } = previous;
  if (exact.length === 0) return ORPHANED;

  const start = codeUnitIndex(text, previous.start);
  const end = codeUnitIndex(text, previous.end);
  if (start >= 0 && end >= start && text.slice(start, end) === exact && nearContextAgrees(text, start, end, prefix, suffix)) {
    return { status: 'ANCHORED', method: 'POSITION', selector: selectorForRange(text, start, end) };
  }

  // Every occurrence is scored, not just the first that fits: a repeat is taken only when its context is
  // strictly better than every other's, and confirms it. Otherwise the fuzzy stage decides, and can only
  // answer FUZZY: it may prefer an edited match whose context agrees better, or break a tie by comparing the
  // context fuzzily. A tie that survives even that is ORPHANED: the words are there, but which of them the
  // evidence meant cannot be known from the selector, and a guess would be a silent wrong anchor.
  const found = occurrences(text, exact).map((at) => ({ at, agreement: contextAgreement(text, at, at + exact.length, prefix, suffix) }));
  const best = strictlyBest(found, (occurrence) => occurrence.agreement.total);
  if (best?.agreement.confirmed) {
    return { status: 'ANCHORED', method: 'QUOTE', selector: selectorForRange(text, best.at, best.at + exact.length) };
  }

  return fuzzy(text, foldedText, previous);
}

// ---------------------------------------------------------------------------------------------------------
// Context agreement
// ---------------------------------------------------------------------------------------------------------

interface SideMatch {
  /** Code units of the context (counted from the quote outward) that the text agrees with. */
  units: number;
  /** The text ran out at the same place: the quote is at the start (or end) of the text, as before. */
  atBoundary: boolean;
}

interface Agreement {
  /** Agreeing units over both sides, plus one per side whose text boundary also agrees: a ranking score. */
  total: number;
  /** Enough agrees to trust this location (see contextAgreement). */
  confirmed: boolean;
}

/**
 * POSITION's test. The nearest context must agree on both sides: the position alone says little when other
 * text was edited, and a different occurrence of the same words can land exactly where the old one was.
 * When the editor changed the context right beside the quote this fails on purpose, and QUOTE, which
 * compares every occurrence, decides instead. Typography (quotes, dashes, spacing) does not count as change.
 */
function nearContextAgrees(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  return (
    matchBefore(text, start, prefix).units >= Math.min(NEAR_CONTEXT, prefix.length) &&
    matchAfter(text, end, suffix).units >= Math.min(NEAR_CONTEXT, suffix.length)
  );
}

/**
 * How well the text around [start, end) agrees with the old prefix and suffix, read outward from the quote.
 * A location is confirmed when one side agrees whole (all of its context, and the text's start or end too
 * when the old context was cut short by it), or when at least CONFIRMING_CONTEXT units agree over both sides
 * (fewer if the old context was shorter than that: a selector without context is confirmed by the words
 * alone). One whole side is enough because an insertion beside the quote changes only the other side; two
 * half-agreeing sides are enough because an editor may correct a word on each side.
 */
function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): Agreement {
  const before = matchBefore(text, start, prefix);
  const after = matchAfter(text, end, suffix);
  const beforeScore = sideScore(prefix, before);
  const afterScore = sideScore(suffix, after);
  const whole = (context: string, score: number) => score > 0 && score === maxSideScore(context);
  const confirmed =
    whole(prefix, beforeScore) ||
    whole(suffix, afterScore) ||
    before.units + after.units >= Math.min(CONFIRMING_CONTEXT, prefix.length + suffix.length);
  return { total: beforeScore + afterScore, confirmed };
}

/** A context shorter than CONTEXT_LENGTH was cut by the text's start or end, which is then part of it. */
function sideScore(context: string, match: SideMatch): number {
  const boundary = context.length < CONTEXT_LENGTH && match.units === context.length && match.atBoundary;
  return match.units + (boundary ? 1 : 0);
}

function maxSideScore(context: string): number {
  return context.length + (context.length < CONTEXT_LENGTH ? 1 : 0);
}

/** Compares the text before `at` with `context`, backwards from the quote, folding typography. */
function matchBefore(text: string, at: number, context: string): SideMatch {
  let i = at - 1;
  let j = context.length - 1;
  for (;;) {
    while (i >= 0 && foldUnit(text.charCodeAt(i)) === IGNORABLE) i--;
    while (j >= 0 && foldUnit(context.charCodeAt(j)) === IGNORABLE) j--;
    if (i < 0 || j < 0) break;
    const unit = foldUnit(text.charCodeAt(i));
    if (unit !== foldUnit(context.charCodeAt(j))) break;
    if (unit === SPACE) {
      while (i >= 0 && isSoft(foldUnit(text.charCodeAt(i)))) i--;
      while (j >= 0 && isSoft(foldUnit(context.charCodeAt(j)))) j--;
    } else {
      i--;
      j--;
    }
  }
  return { units: context.length - 1 - j, atBoundary: i < 0 };
}

/** Compares the text from `at` on with `context`, folding typography. */
function matchAfter(text: string, at: number, context: string): SideMatch {
  let i = at;
  let j = 0;
  for (;;) {
    while (i < text.length && foldUnit(text.charCodeAt(i)) === IGNORABLE) i++;
    while (j < context.length && foldUnit(context.charCodeAt(j)) === IGNORABLE) j++;
    if (i >= text.length || j >= context.length) break;
    const unit = foldUnit(text.charCodeAt(i));
    if (unit !== foldUnit(context.charCodeAt(j))) break;
    if (unit === SPACE) {
      while (i < text.length && isSoft(foldUnit(text.charCodeAt(i)))) i++;
      while (j < context.length && isSoft(foldUnit(context.charCodeAt(j)))) j++;
    } else {
      i++;
      j++;
    }
  }
  return { units: j, atBoundary: i >= text.length };
}

/**
 * A fuzzy measure of the context, for what exact agreement cannot decide: one minus the edit distance of the
 * old prefix (suffix) to the best-fitting text ending (starting) at the match, over their length.
 */
function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = foldTypography(prefix).text;
  const after = foldTypography(suffix).text;
  if (before.length + after.length === 0) return 0;
  let distance = 0;
  if (before.length > 0) {
    const window = foldTypography(text.slice(Math.max(0, start - 2 * CONTEXT_LENGTH), start)).text;
    distance += Math.min(...anchoredDistances(reverse(before), reverse(window)));
  }
  if (after.length > 0) {
    const window = foldTypography(text.slice(end, end + 2 * CONTEXT_LENGTH)).text;
    distance += Math.min(...anchoredDistances(after, window));
  }
  return 1 - distance / (before.length + after.length);
}

// ---------------------------------------------------------------------------------------------------------
// The fuzzy stage
// ---------------------------------------------------------------------------------------------------------

interface Candidate {
  start: number;
  end: number;
  /** Edit distance of the folded words to the folded old quote: 0 for the same words. */
  distance: number;
  similarity: number;
  /** Folded code units of the old quote that the match keeps: its length less the edit distance. */
  quoteAgreement: number;
  agreement: Agreement;
  /** What ranks candidates: agreeing units of quote and context together. */
  evidence: number;
}

type Choice = { kind: 'ONE'; candidate: Candidate; tieBroken: boolean } | { kind: 'NONE' } | { kind: 'AMBIGUOUS' };

function fuzzy(text: string, foldedText: () => FoldedText, previous: TextSelector): ReanchorResult {
  const pattern = foldTypography(previous.exact).text;
  if (pattern.length === 0) return ORPHANED;
  const folded = foldedText();

  // Typography only: the folded quote stands in the folded text. Taken at once when context confirms it.
  const hits = occurrences(folded.text, pattern, MAX_CANDIDATES);
  if (hits === undefined) return ORPHANED;
  const same = hits.map((at) => candidate(text, folded.from[at]!, folded.to[at + pattern.length - 1]!, pattern, previous));
  const typographic = choose(text, same, previous);
  if (typographic.kind === 'ONE' && !typographic.tieBroken && typographic.candidate.agreement.confirmed) {
    return fuzzyResult(text, typographic.candidate);
  }

  const approximate = approximateCandidates(text, folded, pattern, previous, same);
  if (approximate === undefined) return ORPHANED;
  const choice = choose(text, [...same, ...approximate], previous);
  if (choice.kind !== 'ONE') return ORPHANED;
  const { candidate: chosen } = choice;
  const credible =
    chosen.agreement.confirmed ||
    chosen.quoteAgreement >= DISTINCTIVE_QUOTE ||
    contextSimilarity(text, chosen.start, chosen.end, previous.prefix, previous.suffix) >= FUZZY_THRESHOLD;
  return credible ? fuzzyResult(text, chosen) : ORPHANED;
}

function fuzzyResult(text: string, chosen: Candidate): ReanchorResult {
  return { status: 'FUZZY', selector: selectorForRange(text, chosen.start, chosen.end), similarity: chosen.similarity };
}

function candidate(text: string, start: number, end: number, pattern: string, previous: TextSelector): Candidate {
  const words = foldTypography(text.slice(start, end)).text;
  const distance = editDistance(pattern, words);
  const agreement = contextAgreement(text, start, end, previous.prefix, previous.suffix);
  const quoteAgreement = Math.max(0, pattern.length - distance);
  return {
    start,
    end,
    distance,
    similarity: similarity(distance, pattern.length, words.length),
    quoteAgreement,
    agreement,
    evidence: quoteAgreement + agreement.total,
  };
}

/**
 * The candidate with the most evidence, if one has strictly more than every other distinct candidate. Near
 * duplicates (approximate spans overlapping by more than half) are one location found twice. A tie is broken only by
 * fuzzy context similarity, and then said so; what stays tied is AMBIGUOUS.
 */
function choose(text: string, candidates: Candidate[], previous: TextSelector): Choice {
  if (candidates.length === 0) return { kind: 'NONE' };
  const ranked = [...candidates].sort((a, b) => b.evidence - a.evidence || a.start - b.start);
  const distinct: Candidate[] = [];
  for (const next of ranked) if (!distinct.some((kept) => sameLocation(kept, next))) distinct.push(next);
  const top = distinct.filter((c) => c.evidence === distinct[0]!.evidence);
  if (top.length === 1) return { kind: 'ONE', candidate: top[0]!, tieBroken: false };
  const scores = top.map((c) => contextSimilarity(text, c.start, c.end, previous.prefix, previous.suffix));
  const winner = strictlyBest(
    top.map((c, i) => ({ c, score: scores[i]! })),
    (entry) => entry.score,
  );
  return winner && winner.score > 0 ? { kind: 'ONE', candidate: winner.c, tieBroken: true } : { kind: 'AMBIGUOUS' };
}

function sameLocation(a: Candidate, b: Candidate): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  // Two occurrences of the very words are two places, however they overlap ("ha ha" in "ha ha ha").
  if (a.distance === 0 && b.distance === 0) return false;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 > Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Approximate matches of the folded quote (Sellers' search: the best-aligned substring ending at each
 * position, by bit-parallel edit distance), one per local minimum, each widened to whole words and scored.
 * Undefined when there are too many to choose from.
 */
function approximateCandidates(
  text: string,
  folded: FoldedText,
  pattern: string,
  previous: TextSelector,
  exactHits: Candidate[],
): Candidate[] | undefined {
  const m = pattern.length;
  const n = folded.text.length;
  // Lev ≥ |m − L|, so a similarity of FUZZY_THRESHOLD allows at most m·(1 − T)/T edits.
  const maxEdits = Math.floor((m * (1 - FUZZY_THRESHOLD)) / FUZZY_THRESHOLD + 1e-9);
  const compiled = new Pattern(pattern);
  const distances = new Int32Array(n).fill(maxEdits + 1);
  for (const [from, to] of searchRegions(folded.text, pattern, maxEdits, compiled.blocks, exactHits, folded)) {
    scan(compiled, folded.text, from, to, false, distances, from);
  }

  const ends: number[] = [];
  for (let j = 0; j < n; j++) {
    const d = distances[j]!;
    if (d > maxEdits || (j > 0 && distances[j - 1]! < d) || (j + 1 < n && distances[j + 1]! < d)) continue;
    ends.push(j + 1);
    if (ends.length > MAX_CANDIDATES) return undefined;
  }

  const reversed = new Pattern(reverse(pattern));
  const found: Candidate[] = [];
  for (const end of ends) {
    const windowStart = Math.max(0, end - m - maxEdits);
    const row = anchoredDistances(reversed, reverse(folded.text.slice(windowStart, end)));
    let length = 0;
    for (let c = 1; c < row.length; c++) {
      if (row[c]! < row[length]! || (row[c] === row[length] && Math.abs(c - m) < Math.abs(length - m))) length = c;
    }
    if (length === 0) continue;
    const aligned = folded.text.slice(end - length, end);
    if (similarity(editDistance(pattern, aligned), m, aligned.length) < FUZZY_THRESHOLD) continue;
    const [start, stop] = widenToWords(text, folded.from[end - length]!, folded.to[end - 1]!, previous);
    found.push(candidate(text, start, stop, pattern, previous));
  }
  return found;
}

/**
 * Where to run the approximate search, within SCAN_BUDGET. Short quotes scan the whole text, which is exact
 * and, bit-parallel, cheap. A long quote costs a pass per 32 units, so it is looked for only where its
 * typographic matches are and where its exact 16-unit pieces place it, best-voted places first: a long quote
 * edited in nearly every piece is then missed and ORPHANED, to be anchored again by hand, never misplaced.
 */
function searchRegions(
  text: string,
  pattern: string,
  maxEdits: number,
  blocks: number,
  exactHits: Candidate[],
  folded: FoldedText,
): Array<[number, number]> {
  const n = text.length;
  if (n * blocks <= SCAN_BUDGET) return [[0, n]];
  const m = pattern.length;
  let budget = Math.floor(SCAN_BUDGET / blocks);
  const regions: Array<[number, number]> = [];
  const take = (first: number, last: number) => {
    const region: [number, number] = [Math.max(0, first - maxEdits), Math.min(n, last + m + maxEdits)];
    if (region[1] - region[0] > budget) return false;
    budget -= region[1] - region[0];
    regions.push(region);
    return true;
  };
  for (const hit of exactHits) {
    // From the real text back to the folded one: the first folded unit that comes from at or after the hit.
    const at = lowerBound(folded.from, hit.start);
    if (!take(at, at)) break;
  }

  // Each exact piece found votes for where the quote would start; nearby votes make one place.
  const implied: number[] = [];
  const pieces = Math.floor(m / SEED_LENGTH);
  const step = Math.max(1, Math.floor(pieces / MAX_SEEDS));
  for (let piece = 0; piece < pieces; piece += step) {
    const offset = piece * SEED_LENGTH;
    for (const hit of occurrences(text, pattern.slice(offset, offset + SEED_LENGTH), MAX_SEED_HITS) ?? []) implied.push(hit - offset);
  }
  implied.sort((a, b) => a - b);
  const places: Array<{ first: number; last: number; votes: number }> = [];
  for (const start of implied) {
    const place = places[places.length - 1];
    if (place && start - place.last <= maxEdits) {
      place.last = start;
      place.votes++;
    } else places.push({ first: start, last: start, votes: 1 });
  }
  places.sort((a, b) => b.votes - a.votes || a.first - b.first);
  for (const place of places) if (!take(place.first, place.last)) break;

  regions.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push([region[0], region[1]]);
  }
  return merged;
}

function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words: there a "word" may be a whole phrase, so no widening. */
const UNSPACED = /[\p{sc=Mymr}\p{sc=Thai}\p{sc=Laoo}\p{sc=Khmr}\p{sc=Hani}\p{sc=Hira}\p{sc=Kana}\p{sc=Tibt}]/u;

/**
 * An approximate alignment may stop inside a word ("dnesday" for "Wednesday" replacing "Tuesday"); a
 * reviewer should see whole words. Widens only where the old quote itself began (ended) at a word boundary.
 */
function widenToWords(text: string, start: number, end: number, previous: TextSelector): [number, number] {
  const wordish = (point: string) => point !== '' && WORD.test(point) && !UNSPACED.test(point);
  const exact = previous.exact;
  const startedAWord = wordish(pointAt(exact, 0)) && !wordish(pointBefore(previous.prefix, previous.prefix.length));
  if (startedAWord && wordish(pointBefore(text, start)) && wordish(pointAt(text, start))) {
    let i = start;
    while (i > 0 && start - i <= WORD_WIDENING && wordish(pointBefore(text, i))) i -= pointBefore(text, i).length;
    if (!wordish(pointBefore(text, i)) && start - i <= WORD_WIDENING) start = i;
  }
  const endedAWord = wordish(pointBefore(exact, exact.length)) && !wordish(pointAt(previous.suffix, 0));
  if (endedAWord && wordish(pointBefore(text, end)) && wordish(pointAt(text, end))) {
    let i = end;
    while (i < text.length && i - end <= WORD_WIDENING && wordish(pointAt(text, i))) i += pointAt(text, i).length;
    if (!wordish(pointAt(text, i)) && i - end <= WORD_WIDENING) end = i;
  }
  return [start, end];
}

function pointAt(text: string, i: number): string {
  if (i >= text.length) return '';
  const code = text.codePointAt(i)!;
  return String.fromCodePoint(code);
}

function pointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text.slice(i - 1, i);
}

// ---------------------------------------------------------------------------------------------------------
// Typography folding
// ---------------------------------------------------------------------------------------------------------

/** A text with typography folded away, and for each folded unit the span of the original it came from. */
export interface FoldedText {
  text: string;
  /** Code unit offset in the original where folded unit k's source begins; nondecreasing. */
  from: Int32Array;
  /** Code unit offset in the original where folded unit k's source ends. */
  to: Int32Array;
}

const SPACE = 0x20;
const IGNORABLE = -1;

/**
 * What a correction of typography changes without changing the words: curly and straight quotes and
 * apostrophes, dash variants, no-break and other spaces, runs of white space (a newline for a space),
 * invisible characters (soft hyphen, zero-width space, BOM; not ZWJ/ZWNJ, which spell words in Indic
 * scripts), "…" for "...", and the Unicode normal form of a letter with its combining marks (NFC: "é" typed
 * as e + ́ , Burmese marks typed in another order). Case and letters are kept: those are edits.
 */
export function foldTypography(source: string): FoldedText {
  const n = source.length;
  let ellipses = 0;
  for (let at = source.indexOf('\u2026'); at !== -1; at = source.indexOf('\u2026', at + 1)) ellipses++;
  // Every path below writes at most one unit per source unit, except "…" (three) and NFC (rarely more).
  let capacity = n + 2 * ellipses;
  let units = new Uint16Array(capacity);
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let size = 0;
  const composed = source.normalize('NFC') === source;

  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    const folded = foldUnit(code);
    if (folded === IGNORABLE) {
      i++;
      continue;
    }
    if (folded === SPACE) {
      let j = i + 1;
      while (j < n && isSoft(foldUnit(source.charCodeAt(j)))) j++;
      units[size] = SPACE;
      from[size] = i;
      to[size++] = j;
      i = j;
      continue;
    }
    if (code === 0x2026) {
      for (let dot = 0; dot < 3; dot++) {
        units[size] = 0x2e;
        from[size] = i;
        to[size++] = i + 1;
      }
      i++;
      continue;
    }
    // A code point with the combining marks after it is one unit of meaning: never split, always composed.
    const pair = isHighSurrogate(code) && isLowSurrogate(source.charCodeAt(i + 1));
    const single = i + (pair ? 2 : 1);
    let j = single;
    if (j < n && source.charCodeAt(j) >= 0x300) {
      for (let mark = markLength(source, j); mark > 0; mark = markLength(source, j)) j += mark;
    }
    if (j === single) {
      units[size] = folded;
      from[size] = i;
      to[size++] = j;
      if (pair) {
        units[size] = source.charCodeAt(i + 1);
        from[size] = i;
        to[size++] = j;
      }
      i = j;
      continue;
    }
    const segment = composed ? source.slice(i, j) : source.slice(i, j).normalize('NFC');
    if (size + segment.length + (n - j) + 2 * ellipses > capacity) {
      capacity = 2 * capacity + segment.length;
      units = grow(units, new Uint16Array(capacity));
      from = grow(from, new Int32Array(capacity));
      to = grow(to, new Int32Array(capacity));
    }
    for (let u = 0; u < segment.length; u++) {
      const unit = segment.charCodeAt(u);
      const foldedUnit = foldUnit(unit);
      units[size] = foldedUnit === IGNORABLE ? unit : foldedUnit;
      from[size] = i;
      to[size++] = j;
    }
    i = j;
  }

  return { text: decodeUnits(units.subarray(0, size)), from: from.subarray(0, size), to: to.subarray(0, size) };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Code units to a string. TextDecoder is some twenty times faster than String.fromCharCode over a long text,
 * but it turns a lone surrogate into U+FFFD: when one may have been replaced, the slow path keeps every unit.
 */
function decodeUnits(units: Uint16Array): string {
  if (LITTLE_ENDIAN) {
    const text = utf16.decode(units);
    if (!text.includes('\ufffd')) return text;
  }
  let text = '';
  for (let at = 0; at < units.length; at += 8192) text += String.fromCharCode(...units.subarray(at, Math.min(units.length, at + 8192)));
  return text;
}

function grow<T extends Uint16Array | Int32Array>(old: T, grown: T): T {
  grown.set(old);
  return grown;
}

function foldUnit(code: number): number {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? SPACE : code === 0x60 ? 0x27 : code;
  switch (code) {
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE;
    case 0xad:
    case 0x200b:
    case 0x2060:
    case 0xfe0e:
    case 0xfe0f:
    case 0xfeff:
      return IGNORABLE;
    case 0xb4:
    case 0x2bc:
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return 0x27;
    case 0xab:
    case 0xbb:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22;
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
      return 0x2d;
  }
  if (code >= 0x2000 && code <= 0x200a) return SPACE;
  if (code >= 0x2010 && code <= 0x2015) return 0x2d;
  return code;
}

function isSoft(folded: number): boolean {
  return folded === SPACE || folded === IGNORABLE;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const MARK = /\p{M}/u;
let bmpMarks: Uint8Array | undefined;

/** Which BMP code units are combining marks, computed once: a regular expression per character is slow. */
function marksTable(): Uint8Array {
  if (bmpMarks) return bmpMarks;
  const table = new Uint8Array(0x10000);
  const all: string[] = [];
  for (let code = 0x300; code < 0x10000; code++) all.push(code >= 0xd800 && code <= 0xdfff ? ' ' : String.fromCharCode(code));
  const scan = all.join('');
  for (const match of scan.matchAll(/\p{M}/gu)) table[0x300 + match.index] = 1;
  return (bmpMarks = table);
}

/** Code units of the combining mark at `at`, or 0 if there is none. */
function markLength(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 0x300 || foldUnit(code) === IGNORABLE) return 0;
  if (isHighSurrogate(code)) {
    const point = text.codePointAt(at)!;
    return point > 0xffff && MARK.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return marksTable()[code]!;
}

// ---------------------------------------------------------------------------------------------------------
// Edit distance
// ---------------------------------------------------------------------------------------------------------

/** A pattern compiled for the bit-parallel scan: one bit mask per 32-unit block per distinct code unit. */
class Pattern {
  readonly blocks: number;
  readonly symbolOf = new Uint16Array(0x10000);
  readonly peq: Int32Array;
  readonly lastBit: number;
  readonly length: number;

  constructor(readonly text: string) {
    this.length = text.length;
    this.blocks = Math.max(1, Math.ceil(text.length / 32));
    let symbols = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.symbolOf[code] === 0) this.symbolOf[code] = ++symbols;
    }
    this.peq = new Int32Array((symbols + 1) * this.blocks);
    for (let i = 0; i < text.length; i++) this.peq[this.symbolOf[text.charCodeAt(i)]! * this.blocks + (i >> 5)]! |= 1 << (i & 31);
    this.lastBit = 1 << ((text.length - 1) & 31);
  }
}

/**
 * Myers' bit-vector edit distance (1999) in Hyyrö's blocked form, as edlib runs it. For each j in [from, to),
 * writes to out[j − from + outOffset] the distance from the pattern to the best substring of text that ends
 * at j + 1 and starts anywhere in [from, j + 1] (`anchored` false: Sellers' approximate search), or to
 * text[from, j + 1] itself (`anchored` true).
 */
function scan(pattern: Pattern, text: string, from: number, to: number, anchored: boolean, out: Int32Array, outOffset: number): void {
  const blocks = pattern.blocks;
  const { peq, symbolOf, lastBit } = pattern;
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  let score = pattern.length;
  const topDelta = anchored ? 1 : 0;
  for (let j = from; j < to; j++) {
    const base = symbolOf[text.charCodeAt(j)]! * blocks;
    let hin = topDelta;
    let ph = 0;
    let mh = 0;
    // Branch-free, as in edlib: hin is −1, 0 or +1, the horizontal delta entering the block from above.
    for (let b = 0; b < blocks; b++) {
      const pvb = pv[b]!;
      const mvb = mv[b]!;
      const hinNegative = hin >>> 31;
      let eq = peq[base + b]!;
      const xv = eq | mvb;
      eq |= hinNegative;
      // `| 0` keeps the sum a wrapping 32-bit add (the carry out is what hout carries), which V8 compiles to an
      // integer instruction instead of falling back to doubles.
      const xh = ((((eq & pvb) + pvb) | 0) ^ pvb) | eq;
      ph = mvb | ~(xh | pvb);
      mh = pvb & xh;
      const hout = (ph >>> 31) - (mh >>> 31);
      const shiftedPh = (ph << 1) | ((hin + 1) >> 1);
      const shiftedMh = (mh << 1) | hinNegative;
      pv[b] = shiftedMh | ~(xv | shiftedPh);
      mv[b] = shiftedPh & xv;
      hin = hout;
    }
    // The pattern's last row sits at lastBit of the last block; rows below it are padding that nothing reads.
    if (ph & lastBit) score++;
    else if (mh & lastBit) score--;
    out[j - from + outOffset] = score;
  }
}

/** row[c] = edit distance from the pattern to text[0, c), for every c: an alignment pinned at the start only. */
function anchoredDistances(pattern: Pattern | string, text: string): Int32Array {
  const compiled = typeof pattern === 'string' ? new Pattern(pattern) : pattern;
  const row = new Int32Array(text.length + 1);
  row[0] = compiled.length;
  if (compiled.length === 0) {
    for (let c = 0; c <= text.length; c++) row[c] = c;
    return row;
  }
  scan(compiled, text, 0, text.length, true, row, 1);
  return row;
}

/**
 * For each end position j + 1 of text, the edit distance from pattern to the best substring of text ending
 * there (Sellers' approximate search), computed bit-parallel: out[j].
 */
export function substringDistances(pattern: string, text: string): Int32Array {
  const out = new Int32Array(text.length);
  if (pattern.length === 0) return out;
  scan(new Pattern(pattern), text, 0, text.length, false, out, 0);
  return out;
}

/**
 * Edit distance with a transposition counted as one edit ("teh" → "the") when the strings are short enough
 * for the quadratic table; plain Levenshtein, bit-parallel, beyond.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  if (a.length * b.length > 1_000_000) return anchoredDistances(a, b)[b.length]!;
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = previous[j - 1]! + (ai === bj ? 0 : 1);
      if (previous[j]! + 1 < best) best = previous[j]! + 1;
      if (current[j - 1]! + 1 < best) best = current[j - 1]! + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2]! + 1 < best)
        best = before[j - 2]! + 1;
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

function similarity(distance: number, patternLength: number, matchLength: number): number {
  const longer = Math.max(patternLength, matchLength);
  return longer === 0 ? 1 : Math.max(0, 1 - distance / longer);
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

/** Every offset where needle starts, overlapping ones included; undefined past `limit`. */
function occurrences(text: string, needle: string): number[];
function occurrences(text: string, needle: string, limit: number): number[] | undefined;
function occurrences(text: string, needle: string, limit = Infinity): number[] | undefined {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (found.length === limit) return undefined;
    found.push(at);
  }
  return found;
}

/** The element with the strictly highest score, or undefined when none or a tie at the top. */
function strictlyBest<T>(items: T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  let tied = false;
  for (const item of items) {
    const value = score(item);
    if (value > bestScore) {
      best = item;
      bestScore = value;
      tied = false;
    } else if (value === bestScore) tied = true;
  }
  return tied ? undefined : best;
}

function reverse(text: string): string {
  let reversed = '';
  for (let i = text.length - 1; i >= 0; i--) reversed += text[i];
  return reversed;
}
