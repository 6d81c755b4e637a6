import { DatePrecision, endOfPeriod, refinesDate } from '../../core/dates/precision.js';
import { Attribution } from '../claims/claims.enums.js';
import {
  contentWords,
  emptyLexicon,
  figuresDisagree,
  type Lexicon,
  namesClash,
  opposed,
  peopleDiffer,
  readSpan,
  sharedNames,
  shareFigure,
  type SpanReading,
  spansOf,
  termOverlap,
} from './rewording.js';
import type { KnownDate } from './time-expressions.js';

/**
 * What a second source adds to what the store already holds: the same claim in other words, the same happening told
 * again (perhaps dated more precisely), and sources about one story. Pure: the import and the quality measure both
 * decide with these functions, the import over candidates its queries found.
 */

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/;

/** Each text read once per lexicon: an import compares each proposal with twenty candidates, clause by clause. */
const readings = new WeakMap<Lexicon, { spans: Map<string, ReturnType<typeof spansOf>>; spanReadings: Map<string, SpanReading> }>();

function readerOf(lexicon: Lexicon) {
  let cache = readings.get(lexicon);
  if (!cache) readings.set(lexicon, (cache = { spans: new Map(), spanReadings: new Map() }));
  const { spans, spanReadings } = cache;
  return {
    spans(text: string) {
      if (!spans.has(text)) spans.set(text, spansOf(text));
      return spans.get(text)!;
    },
    read(text: string) {
      if (!spanReadings.has(text)) spanReadings.set(text, readSpan(text, lexicon));
      return spanReadings.get(text)!;
    },
  };
}

/**
 * How far a proposed claim says what a stored one says, 0 to 1: over the spans the proposal claims (its main clause,
 * appositions and relative clauses), against the stored sentence, its main clause and each of its clauses, the best
 * harmonic mean of the share of each span's terms found in the other. A stored claim is often folded into a longer
 * sentence ("…, which allows …", "… during an official visit by …"), and merging the proposal into it keeps all the
 * proposal says; the scene the proposal is set in ("… as X and Y met in Manila") is not tried, since a match there
 * would fold what it claims into another claim.
 * Reworded, a claim keeps its names and numbers and loses its frame ("X said" → "according to X"); figures that
 * differ, sentences naming known entities none of which the other names, sentences each naming a known person the
 * other does not (one met Y, the other Z), or one side denying or reversing what the
 * other says, score 0.
 */
export function claimSimilarity(proposal: string, stored: string, lexicon: Lexicon = emptyLexicon): number {
  const reader = readerOf(lexicon);
  const [whole, storedWhole] = [reader.read(proposal), reader.read(stored)];
  if (figuresDisagree(whole, storedWhole) || namesClash(whole, storedWhole) || peopleDiffer(whole, storedWhole)) return 0;
  const sameNames = sharedNames(whole, storedWhole) >= 2;
  const mine = reader.spans(proposal);
  const theirs = reader.spans(stored);
  let best = 0;
  for (const a of reader.read(mine.main).terms.length >= 3 ? mine.claims : [proposal, ...mine.claims]) {
    for (const b of new Set([stored, theirs.main, ...theirs.clauses])) {
      const [readA, readB] = [reader.read(a), reader.read(b)];
      if (figuresDisagree(readA, readB) || opposed(readA, readB)) continue;
      best = Math.max(best, termOverlap(readA.terms, readB.terms, sameNames));
    }
  }
  return best;
}

/** At or above this, a proposed claim is offered as corroboration of the stored one rather than as a new claim. */
export const SAME_CLAIM = 0.5;
/**
 * The bar for two claims naming one figure (a count, an ordinal, a day, a month of a year): a figure said again is
 * evidence of one claim that words alone are not, so fewer of the other words need be shared.
 */
export const SAME_CLAIM_WITH_FIGURE = 0.4;

/** The similarity a proposal needs to be offered as corroborating a stored claim, by what the two share. */
export function sameClaimBar(proposal: string, stored: string, lexicon: Lexicon = emptyLexicon): number {
  const reader = readerOf(lexicon);
  return shareFigure(reader.read(proposal), reader.read(stored)) ? SAME_CLAIM_WITH_FIGURE : SAME_CLAIM;
}

export interface ClaimLike {
  text: string;
  claimantId: string | null;
  attribution: Attribution;
}

/**
 * Whether two claims can be one: the same named claimant, or one of them names none (an author's assertion, an
 * unnamed speaker) since a wire that quotes a minister and a paper that reports his words as fact say the same.
 */
export const sameClaimant = (a: ClaimLike, b: ClaimLike) => a.claimantId === null || b.claimantId === null || a.claimantId === b.claimantId;

/** The stored claim a proposal says again, with how similar: the best over the threshold with a fitting claimant. */
export function bestCorroboration<T extends ClaimLike>(
  claim: ClaimLike,
  stored: T[],
  lexicon: Lexicon = emptyLexicon,
): { claim: T; similarity: number } | null {
  let best: { claim: T; similarity: number } | null = null;
  for (const candidate of stored) {
    if (!sameClaimant(claim, candidate)) continue;
    const similarity = claimSimilarity(claim.text, candidate.text, lexicon);
    if (similarity >= sameClaimBar(claim.text, candidate.text, lexicon) && (!best || similarity > best.similarity))
      best = { claim: candidate, similarity };
  }
  return best;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Two dates can be one happening's when their periods meet: 7 September 2022 falls in that week, month and year. */
export const compatibleDates = (a: KnownDate, b: KnownDate) =>
  a.date <= endOfPeriod(b.date, b.precision) && b.date <= endOfPeriod(a.date, a.precision);

export interface EventLike {
  type: string;
  start: KnownDate | null;
  modality: string;
  participants: string[];
}

/** Happenings that last days: a visit told on its second day ("currently on a state visit") is the one begun the day before. */
const LASTING = new Set(['VISIT', 'CONFERENCE', 'MILITARY_EXERCISE']);
/** Days a lasting happening is told again within. */
export const STAY_DAYS = 7;

/**
 * A lasting happening dated on different days by two sources, with the same people taking part (two at least, every
 * one of the side naming fewer): one stay, not two. A tour's visits to several hosts, a week apart, each have a host
 * of their own.
 */
function sameStay(a: EventLike, b: EventLike, shared: number): boolean {
  if (!LASTING.has(a.type) || shared < 2 || shared < Math.min(a.participants.length, b.participants.length)) return false;
  return Math.abs(dayNumber(a.start!.date) - dayNumber(b.start!.date)) < STAY_DAYS;
}

/**
 * Whether a proposed event is a stored one told again: the same type and modality, someone taking part in both,
 * dates whose periods meet (or the days of one stay). The proposal dates it more precisely when its period is finer
 * and inside the stored one.
 */
export function matchEvent(proposed: EventLike, stored: EventLike): { raisesPrecision: boolean } | null {
  if (proposed.type !== stored.type || proposed.modality !== stored.modality) return null;
  const shared = proposed.participants.filter((p) => stored.participants.includes(p)).length;
  if (shared === 0 || !proposed.start || !stored.start) return null;
  if (!compatibleDates(proposed.start, stored.start) && !sameStay(proposed, stored, shared)) return null;
  return { raisesPrecision: refinesDate(proposed.start, { startDate: stored.start.date, startPrecision: stored.start.precision }) };
}

/** The best stored event for a proposal: one it dates more precisely first, then the most participants in common. */
export function bestEventMatch<T extends EventLike>(proposed: EventLike, stored: T[]): { event: T; raisesPrecision: boolean } | null {
  let best: { event: T; raisesPrecision: boolean; shared: number } | null = null;
  for (const candidate of stored) {
    const match = matchEvent(proposed, candidate);
    if (!match) continue;
    const shared = proposed.participants.filter((p) => candidate.participants.includes(p)).length;
    if (!best || shared > best.shared) best = { event: candidate, ...match, shared };
  }
  return best && { event: best.event, raisesPrecision: best.raisesPrecision };
}

/** Sources published this many days apart, or telling happenings this near, can be about one happening. */
export const STORY_DAYS = 4;
/** Named entities two sources must share to be one story when no claim or event of one corroborates the other. */
export const STORY_SHARED_NAMES = 2;

export interface StoryTrace {
  entityIds: ReadonlySet<string>;
  /** The publication date and the dates of the happenings the source tells. */
  dates: KnownDate[];
}

/** Whether any two dates of the sources, widened to their periods, fall within a few days of each other. */
function datesNear(a: KnownDate[], b: KnownDate[]): boolean {
  return a.some((x) =>
    b.some(
      (y) =>
        dayNumber(x.date) - STORY_DAYS <= dayNumber(endOfPeriod(y.date, y.precision)) &&
        dayNumber(y.date) - STORY_DAYS <= dayNumber(endOfPeriod(x.date, x.precision)),
    ),
  );
}

/**
 * Two sources tell one story when they share named entities and dates within a few days; a claim or event of one
 * corroborating the other's counts for the names. Dates at MONTH or coarser say too little to join two sources.
 */
export function sameStory(a: StoryTrace, b: StoryTrace, corroborations: number): boolean {
  const precise = (dates: KnownDate[]) => dates.filter((d) => d.precision === DatePrecision.DAY || d.precision === DatePrecision.WEEK);
  if (!datesNear(precise(a.dates), precise(b.dates))) return false;
  const shared = [...a.entityIds].filter((id) => b.entityIds.has(id)).length;
  return corroborations > 0 ? shared >= 1 : shared >= STORY_SHARED_NAMES;
}

/** Above this share of common five-word passages a source is a reprint of the other, not a report of its own. */
export const REPRINT = 0.6;

const COMPARISON =
  /\b(more|less|fewer|greater|larger|smaller|higher|lower|biggest|largest|highest|lowest|first|last|record|compared|than|double[ds]?|tripled?|half|most|least|increase[ds]?|decrease[ds]?|rose|fell|grew)\b/i;
const DATE_WORDS =
  /\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|last (week|month|year)|next (week|month|year)|(19|20)\d{2})\b/i;
/** Page and wire furniture that can end as a sentence: credits, boilerplate, calls to act. */
const BOILERPLATE =
  /\b(reporting by|editing by|writing by|contributed (to this )?report|all rights reserved|copyright|click here|subscribe|sign up|for more information|follow us|read more|newsletter|cookies?|terms of use|privacy policy)\b/i;

/**
 * How worth checking a proposed claim is, 0 to 1, as a fact-checker ranks them: a named speaker, figures, dates,
 * comparisons and quoted words make a claim one can check and someone is accountable for; credits and calls to
 * act are boilerplate, last.
 */
export function checkWorthiness(claim: {
  text: string;
  claimantId: string | null;
  claimantLabel: string | null;
  attribution: Attribution;
}): number {
  if (BOILERPLATE.test(claim.text)) return 0.05;
  let score = 0.2;
  const named =
    claim.claimantId !== null || (claim.attribution !== Attribution.AUTHOR_ASSERTION && claim.claimantLabel !== 'an unnamed speaker');
  if (named) score += 0.2;
  if (/\d/.test(claim.text) || NUMBER_WORDS.test(claim.text.toLowerCase())) score += 0.2;
  if (DATE_WORDS.test(claim.text)) score += 0.1;
  if (COMPARISON.test(claim.text)) score += 0.15;
  if (claim.attribution === Attribution.DIRECT_QUOTE) score += 0.15;
  if (contentWords(claim.text).length < 5) score -= 0.1;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
