import { describe, expect, it } from 'vitest';

import { extentOf } from './timeline';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the timeline', () => {
  it('draws a date at its precision: a month as the whole month, a day as one day, a span to the end of its last period', () => {
    expect(extentOf({ start: { date: '2022-09-01', latest: '2022-09-30' }, end: null })).toEqual({
      from: day('2022-09-01'),
      to: day('2022-10-01'),
    });
    expect(extentOf({ start: { date: '2022-09-05', latest: '2022-09-05' }, end: null })).toEqual({
      from: day('2022-09-05'),
      to: day('2022-09-06'),
    });
    expect(extentOf({ start: { date: '2022-09-05', latest: '2022-09-05' }, end: { date: '2023-01-01', latest: '2023-12-31' } })).toEqual({
      from: day('2022-09-05'),
      to: day('2024-01-01'),
    });
    expect(extentOf({ start: null, end: null })).toBeNull();
  });
});
