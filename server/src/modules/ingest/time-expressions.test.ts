import { describe, expect, it } from 'vitest';

import { DatePrecision } from '../../core/dates/precision.js';
import { datelineDate, timeExpressionsIn } from './time-expressions.js';

const september2022 = { date: '2022-09-01', precision: DatePrecision.MONTH };
const sept14 = { date: '2022-09-14', precision: DatePrecision.DAY };
const first = (sentence: string, publication = september2022, previous = null as any) => {
  const [found] = timeExpressionsIn(sentence, publication, previous);
  return found && { expression: found.expression, ...found.date, future: found.future };
};

describe('time expressions', () => {
  it('resolves the seed article’s expressions against a month-precise publication date, no finer than they allow', () => {
    expect(first('the visit of the general to Vladivostok last week.')).toEqual({
      expression: 'last week',
      date: '2022-09-01',
      precision: 'MONTH',
      future: false,
    });
    expect(
      first('A month earlier, Lavrov had met with senior SAC leaders.', september2022, {
        date: '2022-09-01',
        precision: DatePrecision.MONTH,
      }),
    ).toMatchObject({ date: '2022-08-01', precision: 'MONTH' });
    expect(first('In August, the SAC set up a committee.')).toMatchObject({
      expression: 'In August',
      date: '2022-08-01',
      precision: 'MONTH',
    });
    expect(first('At the beginning of September, the Tatmadaw took part in Vostok-22.')).toMatchObject({
      date: '2022-09-01',
      precision: 'MONTH',
    });
    expect(first('The first deliveries are expected later this month.')).toMatchObject({
      date: '2022-09-01',
      precision: 'MONTH',
      future: true,
    });
    expect(first('and hold elections next year.')).toMatchObject({ date: '2023-01-01', precision: 'YEAR', future: true });
    expect(first('overthrew the government in February 2021 and')).toMatchObject({ date: '2021-02-01', precision: 'MONTH' });
    expect(first('Russia invaded Ukraine in February this year')).toMatchObject({ date: '2022-02-01', precision: 'MONTH' });
    expect(first('launched by President Putin in 2015 to promote')).toMatchObject({ date: '2015-01-01', precision: 'YEAR' });
  });

  it('reads a weekday after a modal as ahead, and the end of a happening of so many days as its start', () => {
    // 14 September 2022 is a Wednesday.
    expect(first('The board could publish its own figures as early as Monday.', sept14)).toMatchObject({
      date: '2022-09-19',
      future: true,
    });
    expect(first('The board published its figures on Monday.', sept14)).toMatchObject({ date: '2022-09-12', future: false });
    expect(first('Her three-day visit to the islands ended on Tuesday.', sept14)).toMatchObject({ date: '2022-09-11', precision: 'DAY' });
    expect(first('Her three-day visit to the islands ended on September 13.', sept14)).toMatchObject({
      date: '2022-09-11',
      precision: 'DAY',
    });
  });

  it('gives a week when the publication day is known, and dates stated in full to the day', () => {
    expect(first('He visited Moscow last week.', sept14)).toMatchObject({ date: '2022-09-05', precision: 'WEEK' });
    expect(first('The deal was signed on 5 September 2022 in Vladivostok.')).toMatchObject({ date: '2022-09-05', precision: 'DAY' });
    expect(first('In November, talks resumed.')).toMatchObject({ date: '2021-11-01', precision: 'MONTH' });
  });

  it('reads days and weekdays with chrono-node, in the past unless the words just before look ahead', () => {
    const friday = { date: '2023-07-21', precision: DatePrecision.DAY };
    expect(first('The minister said on Tuesday that talks went well.', friday)).toMatchObject({
      date: '2023-07-18',
      precision: 'DAY',
      future: false,
    });
    expect(first('Both sides expect a deal, the minister said on Tuesday.', friday)).toMatchObject({ date: '2023-07-18', future: false });
    expect(first('The ministers will meet again on Tuesday.', friday)).toMatchObject({
      date: '2023-07-25',
      precision: 'DAY',
      future: true,
    });
    expect(first('He was in Oslo from Oct. 28-31 for talks.', friday)).toMatchObject({
      expression: 'Oct. 28-31',
      date: '2022-10-28',
      precision: 'DAY',
    });
    expect(first('The meeting took place on Aug 15 at a base.', { date: '2025-08-17', precision: DatePrecision.DAY })).toMatchObject({
      date: '2025-08-15',
      precision: 'DAY',
    });
    expect(first('The forum ran from September 5 to September 8.', sept14)).toMatchObject({ date: '2022-09-05', precision: 'DAY' });
    expect(first('The ministers met on Wednesday in Moscow.')).toMatchObject({ date: '2022-09-01', precision: 'MONTH' });
  });

  it('reads a weekday after "set to", "slated for" or "on track to" as the next one, ahead', () => {
    const thursday = { date: '2018-11-29', precision: DatePrecision.DAY };
    expect(first('The delegation is attending a G20 summit set to begin on Friday.', thursday)).toMatchObject({
      date: '2018-11-30',
      future: true,
    });
    expect(first('The vote, slated for Sunday, will be the first since the coup.', thursday)).toMatchObject({
      date: '2018-12-02',
      future: true,
    });
    expect(first('The ministers are on track to sign the deal on Monday.', thursday)).toMatchObject({ date: '2018-12-03', future: true });
    expect(first('The ministers signed the deal on Monday.', thursday)).toMatchObject({ date: '2018-11-26', future: false });
    expect(first('The ministers are going to sign the deal on Monday.', thursday)).toMatchObject({ date: '2018-12-03', future: true });
  });

  it('reads "last Tuesday" in a Tuesday’s paper as the Tuesday a week before, and "on Tuesday" as the day itself', () => {
    const tuesday = { date: '2011-03-01', precision: DatePrecision.DAY };
    expect(first('The quake struck the city at 12:51 p.m. last Tuesday.', tuesday)).toMatchObject({ date: '2011-02-22', precision: 'DAY' });
    expect(first('Aftershocks rocked the city on Tuesday.', tuesday)).toMatchObject({ date: '2011-03-01', precision: 'DAY' });
    expect(first('The quake struck last Friday.', tuesday)).toMatchObject({ date: '2011-02-25', precision: 'DAY' });
  });

  it('reads "this morning", "later today", "yesterday" and "tomorrow" against a publication day, but not inside quoted words', () => {
    const friday = { date: '2023-07-21', precision: DatePrecision.DAY };
    expect(first('The minister arrived this morning.', friday)).toMatchObject({ date: '2023-07-21', precision: 'DAY', future: false });
    expect(first('The two will hold talks later today.', friday)).toMatchObject({ date: '2023-07-21', future: true });
    expect(first('The talks ended yesterday in Oslo.', friday)).toMatchObject({ date: '2023-07-20', precision: 'DAY' });
    expect(first('The minister will travel to Bergen tomorrow.', friday)).toMatchObject({
      date: '2023-07-22',
      precision: 'DAY',
      future: true,
    });
    expect(timeExpressionsIn('“Today we met,” she said.', friday)).toEqual([]);
    expect(timeExpressionsIn('The minister arrived this morning.', september2022)).toEqual([]);
  });

  it('puts a month ahead when the words say so: a summit to be held in November, from a September article', () => {
    expect(first('A summit will be held in November in Jakarta.')).toMatchObject({ date: '2022-11-01', precision: 'MONTH', future: true });
    expect(first('In November, talks resumed.')).toMatchObject({ date: '2021-11-01', future: false });
    expect(
      first('The junta had agreed to hold an election in late February.', { date: '2022-01-10', precision: DatePrecision.DAY }),
    ).toMatchObject({ date: '2022-02-01', precision: 'MONTH', future: true });
  });

  it('finds nothing in a sentence without a date, and never reads a number as a year', () => {
    expect(timeExpressionsIn('Myanmar is the only Southeast Asian country to endorse it.', september2022)).toEqual([]);
    expect(timeExpressionsIn('It has 300 fighters in 12 squadrons.', september2022)).toEqual([]);
  });

  it('takes a dateline’s day before publication as the day the report was written, and nothing else as one', () => {
    expect(datelineDate('LISBON, Sept 13: The ferries ran again.', sept14)).toEqual({ date: '2022-09-13', precision: 'DAY' });
    expect(datelineDate('PORTO, Sept. 12 (Nordic Wire) -- The crews met.', sept14)).toEqual({ date: '2022-09-12', precision: 'DAY' });
    expect(datelineDate('PORTO, Oct. 12 (Nordic Wire) -- The crews met.', sept14)).toBeNull();
    expect(datelineDate('PORTO - The crews met on Monday.', sept14)).toBeNull();
    expect(datelineDate('Porto, Sept 13: The ferries ran again.', sept14)).toEqual({ date: '2022-09-13', precision: 'DAY' });
    expect(datelineDate('However, on Monday - the crews met.', sept14)).toBeNull();
    expect(datelineDate('Porto Alegre, September 13, 2022 (NWA) -The crews met.', sept14)).toEqual({
      date: '2022-09-13',
      precision: 'DAY',
    });
  });

  it('reads "earlier in the day" as the day of the last dated happening, else the publication day', () => {
    expect(first('Earlier in the day, the crews arrived.', sept14, { date: '2022-09-12', precision: DatePrecision.DAY })).toMatchObject({
      date: '2022-09-12',
      precision: 'DAY',
    });
    expect(first('Later that day, the crews arrived.', sept14)).toMatchObject({ date: '2022-09-14', precision: 'DAY' });
    expect(first('Later that day, the crews arrived.', september2022)).toBeUndefined();
  });

  it('reads "last November" and "next March" as the nearest such month before or after publication', () => {
    const june = { date: '2013-06-10', precision: DatePrecision.DAY };
    expect(first('The mayor won a second term in last November’s election.', june)).toMatchObject({
      date: '2012-11-01',
      precision: 'MONTH',
    });
    expect(first('The ferries ran again last March.', june)).toMatchObject({ date: '2013-03-01', future: false });
    expect(first('The port reopens next March.', june)).toMatchObject({ date: '2014-03-01', future: true });
  });
});

describe('dates of background happenings and ranges', () => {
  it('reads a year written before the words for a happening as its year, and a count before a noun as no year', () => {
    expect(first('The mayor recalled the 2011 flood in the lower town.', sept14)).toMatchObject({ date: '2011-01-01', precision: 'YEAR' });
    expect(first('The city left a 2019 regional water pact last spring.', sept14)).toMatchObject({ date: '2019-01-01', precision: 'YEAR' });
    expect(first('The port handled the 2400 containers on time.', sept14)).toBeUndefined();
  });

  it('dates a range of days by its first day, read whole, even when only its last day gives the year', () => {
    expect(first('The mayor was in Porto for the fair from October 30 - November 2, 2021, the council said.', sept14)).toEqual({
      expression: 'October 30 - November 2, 2021',
      date: '2021-10-30',
      precision: 'DAY',
      future: false,
    });
  });

  it('counts years, months and weeks ago back from publication, at the unit’s precision, and reads a deadline as no day', () => {
    expect(first('Four years ago, the port saw a landmark ruling.', sept14)).toMatchObject({ date: '2018-01-01', precision: 'YEAR' });
    expect(first('The mayor took office two months ago.', sept14)).toMatchObject({ date: '2022-07-01', precision: 'MONTH' });
    expect(first('The ferry sank three weeks ago.', sept14)).toMatchObject({ date: '2022-08-22', precision: 'WEEK' });
    expect(first('The court ordered a new vote within 60 days.', sept14)).toBeUndefined();
  });

  it('reads a weekday after "in" as a day, where a number of days after "in" is no day', () => {
    const [found] = timeExpressionsIn('She won 52 per cent of the vote in Monday’s election.', sept14);
    expect(found).toMatchObject({ expression: 'Monday', head: 'election', date: { date: '2022-09-12', precision: 'DAY' } });
    expect(first('The court must rule in 30 days.', sept14)).toBeUndefined();
  });

  it('keeps the words a possessive date qualifies, for the happening it dates', () => {
    const [found] = timeExpressionsIn("The board had declared Costa the winner of last month's election.", sept14);
    expect(found).toMatchObject({ expression: 'last month', head: 'election', date: { date: '2022-08-01', precision: 'MONTH' } });
  });

  it('dates what an anniversary marks so many years before publication, and what "a month after" tells a month before the story’s date', () => {
    expect(
      timeExpressionsIn('The two cities mark the 40th anniversary of the establishment of their ferry line.', sept14)[0],
    ).toMatchObject({
      date: { date: '1982-01-01', precision: 'YEAR' },
      head: 'the establishment of their ferry line',
    });
    const [after] = timeExpressionsIn('The mayor came a month after travelling to Porto.', sept14, {
      date: '2022-09-12',
      precision: DatePrecision.DAY,
    });
    expect(after).toMatchObject({ expression: 'a month after', head: 'travelling', date: { date: '2022-08-01', precision: 'MONTH' } });
  });

  it('dates "this fall" at the publication’s year, ahead while the season has not begun, and "the same afternoon" at the story’s last day', () => {
    expect(first('The governor will visit the port this fall.', { date: '2024-07-04', precision: DatePrecision.DAY })).toEqual({
      expression: 'this fall',
      date: '2024-01-01',
      precision: 'YEAR',
      future: true,
    });
    expect(first('The ferry line opened this spring.', { date: '2024-07-04', precision: DatePrecision.DAY })).toMatchObject({
      future: false,
    });
    expect(
      first('The mayor is to meet the governor the same afternoon.', sept14, { date: '2022-09-12', precision: DatePrecision.DAY }),
    ).toMatchObject({ expression: 'the same afternoon', date: '2022-09-12', precision: 'DAY' });
  });

  it('keeps the words a day written after an article qualifies, for the happening it dates', () => {
    expect(
      timeExpressionsIn('The mayor, in office since winning the May 20 early municipal election, met the governor.', sept14)[0],
    ).toMatchObject({
      date: { date: '2022-05-20', precision: 'DAY' },
      head: 'early municipal election',
    });
    expect(timeExpressionsIn('The mayor met the governor on May 20 in Porto.', sept14)[0]!.head).toBeUndefined();
  });

  it('reads a day set as a deadline, or a deadline at the end of a period, as no day', () => {
    expect(
      timeExpressionsIn(
        'The mayor had set today as the deadline for a ferry deal, while the port’s deadline is the end of this month.',
        sept14,
      ),
    ).toEqual([]);
    expect(timeExpressionsIn('The mayor signed the ferry deal today.', sept14)).toHaveLength(1);
  });
});
