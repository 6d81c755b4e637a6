import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';

import { en } from '../messages/en';
import { fr } from '../messages/fr';
import { formatFuzzyDate, formatSpan } from './dates';

const french = { locale: 'fr', translate: polyglotI18nProvider(() => fr, 'fr').translate };
const english = { locale: 'en', translate: polyglotI18nProvider(() => en, 'en').translate };

describe('fuzzy dates', () => {
  it('read in English as the newsroom writes them, day before month, with or without the messages', () => {
    for (const words of [undefined, english]) {
      expect(formatFuzzyDate({ date: '2022-09-05', precision: 'DAY' }, words)).toBe('5 September 2022');
      expect(formatFuzzyDate({ date: '2022-09-05', precision: 'WEEK' }, words)).toBe('week of 5 Sep 2022');
      expect(formatFuzzyDate({ date: '2022-09-01', precision: 'MONTH' }, words)).toBe('September 2022');
      expect(formatFuzzyDate({ date: '2022-01-01', precision: 'YEAR' }, words)).toBe('2022');
    }
  });

  it('read in French with French month names and words', () => {
    expect(formatFuzzyDate({ date: '2022-09-05', precision: 'DAY' }, french)).toBe('5 septembre 2022');
    expect(formatFuzzyDate({ date: '2022-09-05', precision: 'WEEK' }, french)).toBe('semaine du 5 sept. 2022');
    expect(formatSpan({ date: '2022-07-01', precision: 'MONTH' }, { date: '2022-08-01', precision: 'MONTH' }, french)).toBe(
      'juillet 2022 – août 2022',
    );
  });
});
