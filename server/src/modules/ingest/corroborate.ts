import { DatePrecision, endOfPeriod, refinesDate } from '../../core/dates/precision.js';
import { Attribution } from '../claims/claims.enums.js';
import type { KnownDate } from './time-expressions.js';

/**
 * What a second source adds to what the store already holds: the same claim in other words, the same happening told
 * again (perhaps dated more precisely), and sources about one story. Pure: the import and the quality measure both
 * decide with these functions, the import over candidates its queries found.
 */

/** Words that carry no proposition, and verbs of saying: "X said" and "according to X" word the same claim. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being has have had it its this that these ' +
    'those their they them he she his her we our us you your i me my which who whom whose what when where while than then there ' +
    'here not no so if into over about after before also would will can could may might should must do does did very more most ' +
    'such other both each all any some only own same just up out one two said says say saying told tells tell according added ' +
    'adding stated stating noted noting called calling described describing quoted quoting reported reporting statement spokesman ' +
    'spokeswoman spokesperson mr mrs ms dr'
  ).split(' '),
);

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/;

/**
 * Words news copy uses for one another when it rewords a report: a pact is an agreement, an exchange is a
 * conversation. Each maps to the group's first word.
 */
const SYNONYMS = new Map(
  [
    ['agreement', 'pact', 'accord', 'deal', 'treaty'],
    ['talk', 'meeting', 'conversation', 'exchange', 'discussion'],
    ['troop', 'force', 'soldier'],
    ['arrive', 'land'],
    ['visit', 'trip'],
  ].flatMap((group) => group.map((word) => [word, group[0]!] as const)),
);

/** "partners" and "partner", "signed" and "signing", "deployment" and "deploy" are one word here: the stem a reworded claim keeps. */
function stem(word: string): string {
  if (word.length > 8 && word.endsWith('ment')) return word.slice(0, -4);
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "MANILA, July 9 (Reuters) - ", "TOKYO (Jiji Press) — ", "REPORTER: ": the desk's words before the report's. */
const DESK = /^(?:\p{Lu}[\p{Lu}\s.]+(?:,[^()–—:]{0,25}?)?\s*(?:\([^)]{0,40}\))?\s*(?:--|–|—|-)|\p{Lu}[\p{Lu}\s]+:)\s+/u;

/** The words a claim turns on, lower-cased, without accents, function words or saying verbs, stemmed, synonyms joined. */
export function contentWords(text: string): string[] {
  const words =
    text
      .replace(DESK, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [
    ...new Set(
      words
        .filter((w) => !FUNCTION_WORDS.has(w) && (w.length > 1 || /\d/.test(w)))
        .map(stem)
        .map((w) => SYNONYMS.get(w) ?? w),
    ),
  ];
}

const numbersIn = (text: string) => new Set((text.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? []).map(Number));

/**
 * How far two claims say the same, 0 to 1: the harmonic mean of the share of each one's content words found in the
 * other. Reworded, a claim keeps its nouns and numbers and loses its frame ("X said" → "according to X"); two
 * claims whose figures differ say different things however many words they share, and score 0.
 */
export function claimSimilarity(a: string, b: string): number {
  const [wordsA, wordsB] = [contentWords(a), contentWords(b)];
  if (wordsA.length < 3 || wordsB.length < 3) return 0;
  const [numbersA, numbersB] = [numbersIn(a), numbersIn(b)];
  if (numbersA.size > 0 && numbersB.size > 0 && ![...numbersA].some((n) => numbersB.has(n))) return 0;
  const setB = new Set(wordsB);
  const common = wordsA.filter((w) => setB.has(w)).length;
  if (common === 0) return 0;
  const [shareA, shareB] = [common / wordsA.length, common / wordsB.length];
  return (2 * shareA * shareB) / (shareA + shareB);
}

/** At or above this, a proposed claim is offered as corroboration of the stored one rather than as a new claim. */
export const SAME_CLAIM = 0.5;

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
export function bestCorroboration<T extends ClaimLike>(claim: ClaimLike, stored: T[]): { claim: T; similarity: number } | null {
  let best: { claim: T; similarity: number } | null = null;
  for (const candidate of stored) {
    if (!sameClaimant(claim, candidate)) continue;
    const similarity = claimSimilarity(claim.text, candidate.text);
    if (similarity >= SAME_CLAIM && (!best || similarity > best.similarity)) best = { claim: candidate, similarity };
  }
  return best;
}

/** Two dates can be one happening's when their periods meet: 7 September 2022 falls in that week, month and year. */
export const compatibleDates = (a: KnownDate, b: KnownDate) =>
  a.date <= endOfPeriod(b.date, b.precision) && b.date <= endOfPeriod(a.date, a.precision);

export interface EventLike {
  type: string;
  start: KnownDate | null;
  modality: string;
  participants: string[];
}

/**
 * Whether a proposed event is a stored one told again: the same type and modality, someone taking part in both,
 * dates whose periods meet. The proposal dates it more precisely when its period is finer and inside the stored one.
 */
export function matchEvent(proposed: EventLike, stored: EventLike): { raisesPrecision: boolean } | null {
  if (proposed.type !== stored.type || proposed.modality !== stored.modality) return null;
  if (!proposed.participants.some((p) => stored.participants.includes(p))) return null;
  if (!proposed.start || !stored.start || !compatibleDates(proposed.start, stored.start)) return null;
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

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

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
