import { DatePrecision, startOfPeriod } from '../../core/dates/precision.js';

/**
 * Time expressions as articles write them ("last week", "A month earlier", "In August", "later this month",
 * "next year"), resolved against the publication date to the precision the words really give, never finer.
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
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;

const iso = (year: number, month = 1, day = 1) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

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
const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => {
  const order = [DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
};

const at = (date: string, precision: DatePrecision): KnownDate => ({ date: startOfPeriod(date, precision), precision });

interface Rule {
  pattern: RegExp;
  resolve(match: RegExpExecArray, publication: KnownDate, previous: KnownDate | null): { date: KnownDate; future: boolean } | null;
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
    pattern: new RegExp(`\\b(?:in|at the (?:beginning|start|end) of|in (?:early|mid|late)-?|by (?:early|mid|late)?-? ?|since|during|from|until) ?${MONTH}\\b(?! \\d)`, 'gi'),
    resolve: (m, publication) => {
      const pub = parts(publication.date);
      const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      // An article speaks of the months before it: a month later in the year than publication is last year's.
      const year = month > pub.month ? pub.year - 1 : pub.year;
      return { date: { date: iso(year, month), precision: DatePrecision.MONTH }, future: false };
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
    pattern: /\b(last|this|next) week\b/gi,
    resolve: (m, publication) => {
      const shift = m[1]!.toLowerCase() === 'last' ? -7 : m[1]!.toLowerCase() === 'next' ? 7 : 0;
      const precision = coarser(DatePrecision.WEEK, publication.precision);
      return { date: at(precision === DatePrecision.WEEK ? addDays(publication.date, shift) : publication.date, precision), future: shift > 0 };
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
    pattern: /\b(last|this|next) year\b|\ba year (earlier|later|ago)\b/gi,
    resolve: (m, publication, previous) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const shift = word === 'next' || word === 'later' ? 1 : word === 'this' ? 0 : -1;
      const base = (word === 'earlier' || word === 'later') && previous ? previous : publication;
      return { date: { date: iso(parts(base.date).year + shift), precision: DatePrecision.YEAR }, future: shift > 0 && base === publication };
    },
  },
];

/** Every time expression in a sentence, left to right, resolved; `previous` is the last date the text gave. */
export function timeExpressionsIn(sentence: string, publication: KnownDate, previous: KnownDate | null = null): TimeExpression[] {
  const found: TimeExpression[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(sentence); m; m = rule.pattern.exec(sentence)) {
      const overlaps = found.some((f) => m!.index < f.index + f.expression.length && f.index < m!.index + m![0].length);
      if (overlaps) continue;
      const resolved = rule.resolve(m, publication, previous);
      if (resolved) found.push({ expression: m[0], index: m.index, ...resolved });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
