import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { parseTimestamptz } from './timestamps.js';

const general = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (text: string) => unknown;

describe('reading a timestamptz', () => {
  it('gives the Date pg would give, for every form PostgreSQL writes', () => {
    for (const text of [
      '2024-01-03 03:44:45+00',
      '2024-01-03 03:44:45.5+00',
      '2024-01-03 03:44:45.502+00',
      '2024-01-03 03:44:45.502999+00',
      '1999-12-31 23:59:59.999-08',
      '2022-09-14 12:00:00+05:30',
      '1900-01-01 00:00:00+00:19:32',
      '0044-03-15 12:00:00+00 BC',
      '12024-01-03 03:44:45+00',
      'infinity',
      '-infinity',
    ]) {
      expect(parseTimestamptz(text), text).toEqual(general(text));
    }
  });

  it('keeps the instant: milliseconds kept, microseconds dropped as pg drops them', () => {
    expect((parseTimestamptz('2024-01-03 03:44:45.502999+00') as Date).toISOString()).toBe('2024-01-03T03:44:45.502Z');
    expect((parseTimestamptz('2022-09-14 12:00:00+05:30') as Date).toISOString()).toBe('2022-09-14T06:30:00.000Z');
  });
});
