/** When a source was published, to the precision it is known: "2022", "2022-09", "2022-09-14". */
export const published = (source: { publishedAt?: string | null; publishedPrecision?: string | null }) =>
  source.publishedAt
    ? source.publishedAt.slice(0, source.publishedPrecision === 'YEAR' ? 4 : source.publishedPrecision === 'MONTH' ? 7 : 10)
    : '—';
