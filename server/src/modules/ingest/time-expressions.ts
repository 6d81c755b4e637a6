import * as chrono from 'chrono-node';
import nlp from 'compromise';

import { DatePrecision, startOfPeriod } from '../../core/dates/precision.js';

/**
 * Time expressions as articles write them ("last week", "A month earlier", "In August", "later this month",
 * "next year"), resolved against the publication date to the precision the words really give, never finer. Our
 * rules read the relative and month-wide expressions; chrono-node reads days ("November 1", "Aug 15", "Oct. 28-31",
 * "on 16 July") and weekdays, whose year and week come from the publication date.
 */
export interface KnownDate {
  date: string;
  precision: DatePrecision;
}

export interface TimeExpression {
  /** The words as they stand in the sentence. */
  expression: string;
  /** Where they stand in the sentence, in UTF-16 units. */
  index: number;
  date: KnownDate;
  /** The words look ahead of the publication: "later this month", "next year". */
  future: boolean;
  /** The words a year written before them dates ("international nuclear accord" in "a 2015 international nuclear accord"). */
  head?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;

const iso = (year: number, month = 1, day = 1) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function addMonths(date: string, months: number): string {
  const { year, month } = parts(date);
  const index = year * 12 + (month - 1) + months;
  return iso(Math.floor(index / 12), (index % 12) + 1);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The publication date's own precision bounds what a relative expression can say. */
export const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => {
  const order = [DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
};

const at = (date: string, precision: DatePrecision): KnownDate => ({ date: startOfPeriod(date, precision), precision });

interface Rule {
  pattern: RegExp;
  resolve(
    match: RegExpExecArray,
    publication: KnownDate,
    previous: KnownDate | null,
    sentence: string,
  ): { date: KnownDate; future: boolean; head?: string } | null;
}

const RULES: Rule[] = [
  {
    // "on 5 September 2022", "September 5, 2022"
    pattern: new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b|\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'gi'),
    resolve: (m) => {
      const [day, month, year] = m[1] ? [Number(m[1]), m[2]!, Number(m[3])] : [Number(m[5]), m[4]!, Number(m[6])];
      return { date: { date: iso(year, MONTHS.indexOf(month.toLowerCase()) + 1, day), precision: DatePrecision.DAY }, future: false };
    },
  },
  {
    // "in February 2021", "(in) February this year"
    pattern: new RegExp(`\\b${MONTH} (\\d{4}|this year|last year)\\b`, 'gi'),
    resolve: (m, publication) => {
      const pub = parts(publication.date);
      const year = m[2] === 'this year' ? pub.year : m[2] === 'last year' ? pub.year - 1 : Number(m[2]);
      return { date: { date: iso(year, MONTHS.indexOf(m[1]!.toLowerCase()) + 1), precision: DatePrecision.MONTH }, future: false };
    },
  },
  {
    // "In August", "At the beginning of September", "in early July", "by late August"
    pattern: new RegExp(
      `\\b(?:in|at the (?:beginning|start|end) of|in (?:early|mid|late)-?|by (?:early|mid|late)?-? ?|since|during|from|until) ?${MONTH}\\b(?! \\d)`,
      'gi',
    ),
    resolve: (m, publication, _previous, sentence) => {
      const pub = parts(publication.date);
      const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      // An article speaks of the months before it, unless its words look ahead ("a summit will be held in November"):
      // a month later in the year than publication is last year's, or this year's when ahead.
      if (FUTURE.test(lookingBack(sentence, m.index)))
        return {
          date: { date: iso(month < pub.month ? pub.year + 1 : pub.year, month), precision: DatePrecision.MONTH },
          future: month !== pub.month,
        };
      const year = month > pub.month ? pub.year - 1 : pub.year;
      return { date: { date: iso(year, month), precision: DatePrecision.MONTH }, future: false };
    },
  },
  {
    // "last November's election", "next March": the nearest such month before or after the publication's month.
    pattern: new RegExp(`\\b(last|next) ${MONTH}\\b`, 'gi'),
    resolve: (m, publication) => {
      const pub = parts(publication.date);
      const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
      const next = m[1]!.toLowerCase() === 'next';
      const year = next ? (month > pub.month ? pub.year : pub.year + 1) : month < pub.month ? pub.year : pub.year - 1;
      return { date: { date: iso(year, month), precision: DatePrecision.MONTH }, future: next };
    },
  },
  {
    // "the 2008 disaster in Sichuan", "a 2015 international nuclear accord", "the 2012 polls": a year written before
    // the words for a happening is that happening's year.
    pattern: /\b(?:a|an|the|its|his|her|their)\s+(\d{4})(?=\s+\p{Ll})/giu,
    resolve: (m, publication, _previous, sentence) => {
      const year = Number(m[1]);
      // "the 2400 containers": a count, not a year, beyond the years a report can look back or ahead to.
      if (year < 1800 || year > parts(publication.date).year + 10) return null;
      const head = headAfter(sentence, m.index + m[0].length);
      return { date: { date: iso(year), precision: DatePrecision.YEAR }, future: year > parts(publication.date).year, head };
    },
  },
  {
    pattern: /\b(?:in|since|by|until|from) (\d{4})\b/gi,
    resolve: (m, publication) => {
      const year = Number(m[1]);
      if (year < 1000 || year > 2999) return null;
      return { date: { date: iso(year), precision: DatePrecision.YEAR }, future: year > parts(publication.date).year };
    },
  },
  {
    // "this morning", "later today", "yesterday", "tomorrow": the publication's day, or the day before or after, when
    // it is known. Inside quoted words "today" is the speaker's day, which may not be the publication's.
    pattern: /\b(later today|earlier today|today|this (?:morning|afternoon|evening)|tonight|yesterday|last night|tomorrow)\b/gi,
    resolve: (m, publication, _previous, sentence) => {
      if (publication.precision !== DatePrecision.DAY || quoted(sentence, m.index)) return null;
      const word = m[1]!.toLowerCase();
      const shift = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      return {
        date: { date: addDays(publication.date, shift), precision: DatePrecision.DAY },
        future: word === 'later today' || word === 'tonight' || shift > 0,
      };
    },
  },
  {
    // "Earlier in the day", "later that day", "the same afternoon": the day of the story's last dated happening, else the
    // day it was written.
    pattern:
      /\b(?:earlier|later) (?:in the|that) day\b|\blater that (?:morning|afternoon|evening|night)\b|\b(?:on )?the same (?:day|morning|afternoon|evening|night)\b/gi,
    resolve: (_m, publication, previous) => {
      const day = previous?.precision === DatePrecision.DAY ? previous : publication.precision === DatePrecision.DAY ? publication : null;
      return day && { date: day, future: false };
    },
  },
  {
    // "this fall", "this spring": a season is no precision the store has, so the publication's year, ahead while the
    // season has not begun.
    pattern: /\bthis (spring|summer|fall|autumn|winter)\b/gi,
    resolve: (m, publication) => {
      const begins = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 }[m[1]!.toLowerCase() as 'spring'];
      return { date: at(publication.date, DatePrecision.YEAR), future: begins > parts(publication.date).month };
    },
  },
  {
    pattern: /\b(last|this|next) week\b/gi,
    resolve: (m, publication) => {
      const shift = m[1]!.toLowerCase() === 'last' ? -7 : m[1]!.toLowerCase() === 'next' ? 7 : 0;
      const precision = coarser(DatePrecision.WEEK, publication.precision);
      return {
        date: at(precision === DatePrecision.WEEK ? addDays(publication.date, shift) : publication.date, precision),
        future: shift > 0,
      };
    },
  },
  {
    pattern: /\b(later|earlier) this month\b|\bthis month\b/gi,
    resolve: (m, publication) => ({
      date: at(publication.date, coarser(DatePrecision.MONTH, publication.precision)),
      future: (m[1] ?? '').toLowerCase() === 'later',
    }),
  },
  {
    pattern: /\b(last|next) month\b|\ba month (earlier|later|ago|before)\b/gi,
    resolve: (m, publication, previous) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const forward = word === 'next' || word === 'later';
      // "A month earlier" counts from the last date the text gave, "last month" from publication.
      const base = (word === 'earlier' || word === 'later' || word === 'before') && previous ? previous : publication;
      const precision = coarser(DatePrecision.MONTH, base.precision);
      return { date: at(addMonths(base.date, forward ? 1 : -1), precision), future: forward && base === publication };
    },
  },
  {
    // "the 70th anniversary of the establishment of diplomatic relations": a happening so many years before publication.
    pattern: /\b(\d{1,3})(?:st|nd|rd|th) anniversary of\s+([^,;:.()"“”]+)/gi,
    resolve: (m, publication) => ({
      date: { date: iso(parts(publication.date).year - Number(m[1])), precision: DatePrecision.YEAR },
      future: false,
      head: m[2]!,
    }),
  },
  {
    // "a month after travelling to India": what the words after it tell happened that long before the story's last date.
    pattern: /\b(a|one|two|three|four|five|six) (day|week|month|year)s? after(?=\s+\p{Ll}+ing\b)/giu,
    resolve: (m, publication, previous, sentence) => {
      const base = previous ?? publication;
      const count = m[1]!.toLowerCase() === 'a' ? 1 : ((nlp(m[1]!).numbers().get() as number[])[0] ?? 1);
      const unit = m[2]!.toLowerCase();
      const head = headAfter(sentence, m.index + m[0].length);
      if (unit === 'year')
        return { date: { date: iso(parts(base.date).year - count), precision: DatePrecision.YEAR }, future: false, head };
      if (unit === 'month') {
        const precision = coarser(DatePrecision.MONTH, base.precision);
        return { date: at(addMonths(base.date, -count), precision), future: false, head };
      }
      const precision = coarser(unit === 'day' ? DatePrecision.DAY : DatePrecision.WEEK, base.precision);
      const back = unit === 'day' ? count : 7 * count;
      return {
        date: at(precision === DatePrecision.DAY || precision === DatePrecision.WEEK ? addDays(base.date, -back) : base.date, precision),
        future: false,
        head,
      };
    },
  },
  {
    // "Four years ago", "two months ago", "three weeks ago": counted back from publication, at the unit's precision.
    pattern: /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (year|month|week)s ago\b/gi,
    resolve: (m, publication) => {
      const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : ((nlp(m[1]!).numbers().get() as number[])[0] ?? 0);
      const unit = m[2]!.toLowerCase();
      if (unit === 'year')
        return { date: { date: iso(parts(publication.date).year - count), precision: DatePrecision.YEAR }, future: false };
      if (unit === 'month') {
        const precision = coarser(DatePrecision.MONTH, publication.precision);
        return { date: at(addMonths(publication.date, -count), precision), future: false };
      }
      const precision = coarser(DatePrecision.WEEK, publication.precision);
      return {
        date: at(precision === DatePrecision.WEEK ? addDays(publication.date, -7 * count) : publication.date, precision),
        future: false,
      };
    },
  },
  {
    pattern: /\b(last|this|next) year\b|\ba year (earlier|later|ago)\b/gi,
    resolve: (m, publication, previous) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const shift = word === 'next' || word === 'later' ? 1 : word === 'this' ? 0 : -1;
      const base = (word === 'earlier' || word === 'later') && previous ? previous : publication;
      return {
        date: { date: iso(parts(base.date).year + shift), precision: DatePrecision.YEAR },
        future: shift > 0 && base === publication,
      };
    },
  },
];

/** The words a date written before them qualifies, up to a preposition, a clause or a punctuation mark. */
const headAfter = (sentence: string, at: number) =>
  /^\s+([^,;:.()"“”]+?)(?=\s+(?:in|on|at|with|from|to|for|of|by|that|which|who|and|but|as)\b|[,;:.()"“”]|$)/.exec(sentence.slice(at))?.[1];

/** Whether a position stands inside quoted words. */
const quoted = (sentence: string, index: number) => {
  const before = sentence.slice(0, index);
  return before.split('“').length - before.split('”').length > 0 || (before.split('"').length - 1) % 2 === 1;
};

/** Every time expression in a sentence, left to right, resolved; `previous` is the last date the text gave. */
export function timeExpressionsIn(sentence: string, publication: KnownDate, previous: KnownDate | null = null): TimeExpression[] {
  const days = daysIn(sentence, publication);
  // "from November 30 - December 1, 2018": a range is read whole, dated by its first day, before its last day alone is.
  const found: TimeExpression[] = days.filter((day) => day.range).map(({ range: _range, ...day }) => day);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(sentence); m; m = rule.pattern.exec(sentence)) {
      const overlaps = found.some((f) => m!.index < f.index + f.expression.length && f.index < m!.index + m![0].length);
      if (overlaps) continue;
      const resolved = rule.resolve(m, publication, previous, sentence);
      if (resolved) found.push({ expression: m[0], index: m.index, ...resolved });
    }
  }
  for (const { range: _range, ...day } of days) {
    if (!found.some((f) => day.index < f.index + f.expression.length && f.index < day.index + day.expression.length)) found.push(day);
  }
  // "set today as the deadline for a deal", "the deadline is the end of this month": a deadline is when something must
  // be done by, which dates nothing done.
  const deadlines = found.filter(
    (f) =>
      /^\s+as (?:the|a|its|their) deadline\b/i.test(sentence.slice(f.index + f.expression.length)) ||
      /\bdeadline (?:is|was|of|for)\s+(?:the end of\s+)?$/i.test(sentence.slice(0, f.index)),
  );
  for (const f of deadlines) found.splice(found.indexOf(f), 1);
  // "last month's election", "Sunday's 6.1-magnitude quake": a possessive date dates the happening it qualifies; so does
  // a day written between an article and the words it qualifies ("the November 20 early presidential election").
  for (const f of found) {
    const after = sentence.slice(f.index + f.expression.length);
    const possessive = /^['’]s\b/.exec(after);
    if (possessive && f.head === undefined) f.head = headAfter(sentence, f.index + f.expression.length + possessive[0].length);
    else if (
      f.head === undefined &&
      f.date.precision === DatePrecision.DAY &&
      /\b(?:the|its|his|her|their)\s+$/i.test(sentence.slice(0, f.index)) &&
      /^\s+\p{Ll}/u.test(after)
    )
      f.head = headAfter(sentence, f.index + f.expression.length);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "set to begin", "poised to sign", "slated to open", "on track to close": a happening still ahead, for dates, frames and claims alike. */
export const ABOUT_TO = '(?:set|poised|slated|on track) to';
/** Words that put a happening after the publication: "will meet", "to be held", "is expected", "set to begin". */
const FUTURE = new RegExp(
  `\\b(will|shall|to be held|is to|are to|expected|plans? to|due to|scheduled|upcoming|would meet|would visit|would hold|agreed to|promised to|pledged to|${ABOUT_TO}|(?:set|slated) for)\\b`,
  'i',
);
/** The words just before a date, where its tense stands: "said on Tuesday" in a sentence that also says "expected". */
const lookingBack = (sentence: string, index: number) => sentence.slice(Math.max(0, index - 50), index);
/** "Will", "expected to", or a modal before a verb ("could unveil its measures as early as Monday"). */
export const looksAhead = (words: string) => FUTURE.test(words) || nlp(words).has('#Modal #Adverb? #Infinitive');
/**
 * "promised strong actions if the election goes ahead on Sunday": in a clause of condition or time, English tells what
 * is to come in the present tense, so a weekday there is the next one.
 */
const conditionAhead = (before: string) =>
  nlp(before.split(/[,;:.!?]/).pop() ?? '')
    .match('(if|unless|once|until) .+')
    .has('#PresentTense');
/**
 * "whose two-day visit … ended on Tuesday": the date ends a happening of so many days, which began the days before.
 * What the text dates is the happening's start.
 */
function daysBefore(sentence: string, index: number): number {
  const span = /\b([\p{L}\d]+)-day\b[^.;]*\b(?:ended|concluded|closed|wrapped up)\s+(?:on\s+)?$/iu.exec(sentence.slice(0, index));
  const days = span ? ((nlp(span[1]!).numbers().get() as number[])[0] ?? 0) : 0;
  return days > 1 && days < 32 ? days - 1 : 0;
}
/**
 * "SEOUL, Sept. 5 (Yonhap) --", "NEW DELHI, Sept 8:": a place in capitals, a comma, a date, an agency, a dash or a colon;
 * "Guwahati, Nov 11:": a place in capitalised words is one only before a date with a day's number, which a clause opening
 * a sentence ("However, last week -") has not.
 */
export const DATED_DATELINE =
  /^(?:\p{Lu}[\p{Lu}.'’ ]{2,40},\s*([^()–—:,]{3,30}?)|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2},\s*((?=[^()–—:,]*\d)[^()–—:,]{3,30}?))\s*(?:\([^)]{0,40}\)\s*)?(?:--|–|—|-|:)\s/u;

/**
 * The day a dateline gives, when it is a day of the week before publication (a paper of Saturday prints Friday's
 * report): the reference for the report's "on Saturday", "earlier in the day" and "yesterday", as it was written then.
 */
export function datelineDate(sentence: string, publication: KnownDate): KnownDate | null {
  const dateline = DATED_DATELINE.exec(sentence);
  if (!dateline) return null;
  const [result] = chrono.parse(
    (dateline[1] ?? dateline[2])!,
    { instant: new Date(`${publication.date}T12:00:00Z`), timezone: 0 },
    { forwardDate: false },
  );
  if (!result?.start.isCertain('day') || !result.start.isCertain('month')) return null;
  const date = iso(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!);
  const last = addDays(startOfPeriod(publication.date, publication.precision), publication.precision === DatePrecision.DAY ? 0 : 31);
  return date <= last && date >= addDays(publication.date, -7) ? { date, precision: DatePrecision.DAY } : null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Days and weekdays, read by chrono-node against the publication date. A weekday is the last such day on or before
 * publication (news reports what happened), or the next one when the words look ahead; it is a DAY only when the
 * publication day is known, and otherwise no finer than the publication's own precision.
 */
function daysIn(sentence: string, publication: KnownDate): Array<TimeExpression & { range: boolean }> {
  const reference = { instant: new Date(`${publication.date}T12:00:00Z`), timezone: 0 };
  const found: Array<TimeExpression & { range: boolean }> = [];
  for (const result of chrono.parse(sentence, reference, { forwardDate: false })) {
    const start = result.start;
    if (start.isCertain('day')) {
      // A day without a year well after publication is last year's, unless the words look ahead: news reports the past.
      const guessed = iso(start.get('year')!, start.get('month')!, start.get('day')!);
      const lastYear =
        !start.isCertain('year') && guessed > addDays(publication.date, 60) && !FUTURE.test(lookingBack(sentence, result.index));
      const date = lastYear ? iso(start.get('year')! - 1, start.get('month')!, start.get('day')!) : guessed;
      found.push({
        expression: result.text,
        index: result.index,
        date: { date: addDays(date, -daysBefore(sentence, result.index)), precision: DatePrecision.DAY },
        future: date > publication.date && publication.precision === DatePrecision.DAY,
        range: !!result.end?.isCertain('day'),
      });
    } else if (start.isCertain('weekday')) {
      const precision = coarser(DatePrecision.DAY, publication.precision);
      if (precision !== DatePrecision.DAY) {
        found.push({
          expression: result.text,
          index: result.index,
          date: at(publication.date, coarser(DatePrecision.WEEK, publication.precision)),
          future: false,
          range: false,
        });
        continue;
      }
      const ahead = looksAhead(lookingBack(sentence, result.index)) || conditionAhead(sentence.slice(0, result.index));
      const target = start.get('weekday')!;
      const from = new Date(`${publication.date}T00:00:00Z`).getUTCDay();
      const shift = ahead ? (target - from + 7) % 7 || 7 : -((from - target + 7) % 7);
      found.push({
        expression: result.text,
        index: result.index,
        date: { date: addDays(publication.date, shift - daysBefore(sentence, result.index)), precision: DatePrecision.DAY },
        future: ahead,
        range: false,
      });
    }
  }
  return found.filter(
    (day) =>
      (WEEKDAYS.some((w) => day.expression.toLowerCase().includes(w)) || /\d/.test(day.expression)) &&
      // "a new election within 60 days": a deadline, not a day. A weekday counts no days: "in Thursday's election" is one.
      !/^(?:within|in) \d+ (?:days|weeks|months)$/i.test(day.expression) &&
      (WEEKDAYS.some((w) => day.expression.toLowerCase().includes(w)) || !/\b(?:within|in)\s+$/i.test(sentence.slice(0, day.index))),
  );
}
