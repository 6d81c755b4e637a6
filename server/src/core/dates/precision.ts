import { registerEnumType } from 'type-graphql';

export enum DatePrecision {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a date is known.',
  valuesConfig: {
    DAY: { description: 'To the day.' },
    WEEK: { description: 'To the week, Monday to Sunday; the date is its Monday.' },
    MONTH: { description: 'To the month; the date is its first day.' },
    YEAR: { description: 'To the year; the date is 1 January.' },
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a calendar date; null when it is not one (2022-02-30 is not). */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

/** The first day of the period a date falls in at a precision, as the database stores it. */
export function startOfPeriod(value: string, precision: DatePrecision): string {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not a calendar date: ${value}`);
  switch (precision) {
    case DatePrecision.DAY:
      break;
    case DatePrecision.WEEK:
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      break;
    case DatePrecision.MONTH:
      date.setUTCDate(1);
      break;
    case DatePrecision.YEAR:
      date.setUTCMonth(0, 1);
      break;
  }
  return date.toISOString().slice(0, 10);
}

export function isStartOfPeriod(value: string, precision: DatePrecision): boolean {
  return parseIsoDate(value) !== null && startOfPeriod(value, precision) === value;
}

/** The last day of the period that starts on `value` at a precision. */
export function endOfPeriod(value: string, precision: DatePrecision): string {
  const date = parseIsoDate(startOfPeriod(value, precision))!;
  switch (precision) {
    case DatePrecision.DAY:
      break;
    case DatePrecision.WEEK:
      date.setUTCDate(date.getUTCDate() + 6);
      break;
    case DatePrecision.MONTH:
      date.setUTCMonth(date.getUTCMonth() + 1, 0);
      break;
    case DatePrecision.YEAR:
      date.setUTCFullYear(date.getUTCFullYear(), 11, 31);
      break;
  }
  return date.toISOString().slice(0, 10);
}

export enum DateMatch {
  /** Known well enough to be inside the range. */
  INSIDE = 'INSIDE',
  /** Known only to a period that overlaps the range: it may or may not fall inside. */
  POSSIBLY_INSIDE = 'POSSIBLY_INSIDE',
  OUTSIDE = 'OUTSIDE',
  UNDATED = 'UNDATED',
}

registerEnumType(DateMatch, {
  name: 'DateMatch',
  description: 'How a date known to a precision relates to a range of days.',
  valuesConfig: {
    INSIDE: { description: 'Known well enough to be inside the range.' },
    POSSIBLY_INSIDE: { description: 'Known only to a period that overlaps the range: it may or may not fall inside.' },
    OUTSIDE: { description: 'Wholly outside the range, whatever its precision.' },
    UNDATED: { description: 'It has no date.' },
  },
});

/** Where a fuzzy period [earliest, latest] stands against the days [from, to], both inclusive. */
export function matchRange(earliest: string | null, latest: string | null, from: string, to: string): DateMatch {
  if (!earliest || !latest) return DateMatch.UNDATED;
  if (earliest > to || latest < from) return DateMatch.OUTSIDE;
  return earliest >= from && latest <= to ? DateMatch.INSIDE : DateMatch.POSSIBLY_INSIDE;
}

const COARSENESS: Record<DatePrecision, number> = { DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3 };

/** Whether a date is known more precisely than another: DAY over WEEK, WEEK over MONTH, MONTH over YEAR. */
export const isFinerThan = (a: DatePrecision, b: DatePrecision) => COARSENESS[a] < COARSENESS[b];

/**
 * Whether a date tells more of another's: finer, and inside its period (7 September 2022 refines that week and
 * that month, not August). A stored date a second source refines can take the finer date.
 */
export function refinesDate(
  finer: { date: string; precision: DatePrecision },
  coarse: { startDate: string | null; startPrecision: DatePrecision | null },
): boolean {
  if (!coarse.startDate || !coarse.startPrecision || !isFinerThan(finer.precision, coarse.startPrecision)) return false;
  return finer.date >= coarse.startDate && finer.date <= endOfPeriod(coarse.startDate, coarse.startPrecision);
}
