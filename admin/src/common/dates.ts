/** A date known to a precision, written as people say it: "September 2022", "week of 5 Sep 2022", "2022". */
export interface FuzzyDate {
  date: string;
  precision: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
  latest?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatFuzzyDate(value: FuzzyDate | null | undefined): string {
  if (!value?.date) return '';
  const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
  switch (value.precision) {
    case 'YEAR':
      return String(year);
    case 'MONTH':
      return `${MONTHS[month - 1]} ${year}`;
    case 'WEEK':
      return `week of ${day} ${MONTHS[month - 1]!.slice(0, 3)} ${year}`;
    default:
      return `${day} ${MONTHS[month - 1]} ${year}`;
  }
}

export function formatSpan(start: FuzzyDate | null | undefined, end: FuzzyDate | null | undefined): string {
  if (!start) return '';
  return end ? `${formatFuzzyDate(start)} – ${formatFuzzyDate(end)}` : formatFuzzyDate(start);
}
