import { describe, expect, it } from 'vitest';

import { DateMatch, DatePrecision, endOfPeriod, isStartOfPeriod, matchRange, parseIsoDate, startOfPeriod } from './precision.js';

describe('date precision', () => {
  it('rejects strings that are not calendar dates', () => {
    expect(parseIsoDate('2022-02-30')).toBeNull();
    expect(parseIsoDate('2022-9-7')).toBeNull();
    expect(parseIsoDate('2022-09-07')?.toISOString()).toBe('2022-09-07T00:00:00.000Z');
  });

  it('normalises a date to the start of its period', () => {
    expect(startOfPeriod('2022-09-07', DatePrecision.DAY)).toBe('2022-09-07');
    expect(startOfPeriod('2022-09-07', DatePrecision.WEEK)).toBe('2022-09-05');
    expect(startOfPeriod('2022-09-04', DatePrecision.WEEK)).toBe('2022-08-29');
    expect(startOfPeriod('2022-09-07', DatePrecision.MONTH)).toBe('2022-09-01');
    expect(startOfPeriod('2022-09-07', DatePrecision.YEAR)).toBe('2022-01-01');
  });

  it('tells whether a date is already normalised', () => {
    expect(isStartOfPeriod('2022-09-05', DatePrecision.WEEK)).toBe(true);
    expect(isStartOfPeriod('2022-09-06', DatePrecision.WEEK)).toBe(false);
    expect(isStartOfPeriod('2022-09-01', DatePrecision.MONTH)).toBe(true);
    expect(isStartOfPeriod('2023-02-01', DatePrecision.YEAR)).toBe(false);
  });
});

describe('endOfPeriod', () => {
  it('gives the last day a date at a precision may be', () => {
    expect(endOfPeriod('2022-09-05', DatePrecision.WEEK)).toBe('2022-09-11');
    expect(endOfPeriod('2022-02-01', DatePrecision.MONTH)).toBe('2022-02-28');
    expect(endOfPeriod('2024-02-01', DatePrecision.MONTH)).toBe('2024-02-29');
    expect(endOfPeriod('2023-01-01', DatePrecision.YEAR)).toBe('2023-12-31');
    expect(endOfPeriod('2022-09-07', DatePrecision.DAY)).toBe('2022-09-07');
  });
});

describe('matchRange', () => {
  const september = ['2022-09-01', '2022-09-30'] as const;
  it('tells an event known to the month or the day inside from one known only to the year', () => {
    expect(matchRange('2022-09-01', endOfPeriod('2022-09-01', DatePrecision.MONTH), ...september)).toBe(DateMatch.INSIDE);
    expect(matchRange('2022-09-07', '2022-09-07', ...september)).toBe(DateMatch.INSIDE);
    expect(matchRange('2022-01-01', endOfPeriod('2022-01-01', DatePrecision.YEAR), ...september)).toBe(DateMatch.POSSIBLY_INSIDE);
    expect(matchRange('2022-08-29', endOfPeriod('2022-08-29', DatePrecision.WEEK), ...september)).toBe(DateMatch.POSSIBLY_INSIDE);
    expect(matchRange('2022-08-01', endOfPeriod('2022-08-01', DatePrecision.MONTH), ...september)).toBe(DateMatch.OUTSIDE);
    expect(matchRange(null, null, ...september)).toBe(DateMatch.UNDATED);
  });
});
