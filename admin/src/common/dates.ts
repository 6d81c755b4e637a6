import { type TranslateFunction, useLocaleState, useTranslate } from 'react-admin';

/** A date known to a precision, written as people say it: "September 2022", "week of 5 Sep 2022", "2022". */
export interface FuzzyDate {
  date: string;
  precision: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
  latest?: string;
}

/** How dates read in a language: Intl's names and order for it, and the console's words around them. */
export interface DateWords {
  locale: string;
  translate?: TranslateFunction;
}

/** Day before month in English, as the newsroom writes it ("5 September 2022"), where Intl's "en" puts it after. */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

const ENGLISH: DateWords = { locale: 'en' };

const FORMATS = {
  YEAR: { year: 'numeric' },
  MONTH: { month: 'long', year: 'numeric' },
  WEEK: { day: 'numeric', month: 'short', year: 'numeric' },
  DAY: { day: 'numeric', month: 'long', year: 'numeric' },
} as const satisfies Record<FuzzyDate['precision'], Intl.DateTimeFormatOptions>;

export function formatFuzzyDate(value: FuzzyDate | null | undefined, words: DateWords = ENGLISH): string {
  if (!value?.date) return '';
  const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
  const format = FORMATS[value.precision] ?? FORMATS.DAY;
  // Intl's English short September is "Sept"; the newsroom's three letters are kept.
  const written = new Intl.DateTimeFormat(intlLocale(words.locale), { ...format, timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, day)))
    .replace(/\bSept\b/, 'Sep');
  if (value.precision !== 'WEEK') return written;
  return words.translate ? words.translate('console.common.dates.weekOf', { date: written }) : `week of ${written}`;
}

export function formatSpan(start: FuzzyDate | null | undefined, end: FuzzyDate | null | undefined, words: DateWords = ENGLISH): string {
  if (!start) return '';
  return end ? `${formatFuzzyDate(start, words)} – ${formatFuzzyDate(end, words)}` : formatFuzzyDate(start, words);
}

/** Fuzzy dates and moments in the console's current language. */
export function useDates() {
  const translate = useTranslate();
  const [locale = 'en'] = useLocaleState();
  const words: DateWords = { locale, translate };
  return {
    span: (start: FuzzyDate | null | undefined, end: FuzzyDate | null | undefined) => formatSpan(start, end, words),
    /** A moment (an ISO timestamp) with its date and time, as the language writes them. */
    moment: (iso: string) => new Date(iso).toLocaleString(locale),
    number: (value: number) => value.toLocaleString(locale),
  };
}
