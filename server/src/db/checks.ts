/** SQL for CHECK constraints, built from the same TypeScript enums the API uses so the two cannot drift. */

const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export function oneOf(column: string, values: Record<string, string> | readonly string[]): string {
  const list = Array.isArray(values) ? values : Object.values(values);
  return `"${column}" IN (${list.map(quote).join(', ')})`;
}

export function nullOrOneOf(column: string, values: Record<string, string> | readonly string[]): string {
  return `"${column}" IS NULL OR ${oneOf(column, values)}`;
}

export function allOf(column: string, values: Record<string, string> | readonly string[]): string {
  const list = Array.isArray(values) ? values : Object.values(values);
  return `"${column}" <@ ARRAY[${list.map(quote).join(', ')}]::text[]`;
}

/**
 * A date stored at a precision is normalised to the start of its period: the 1st of a MONTH, January 1st of a
 * YEAR, the Monday of an ISO WEEK. A date and its precision are both present or both absent.
 */
export function dateMatchesPrecision(dateColumn: string, precisionColumn: string): string {
  const d = `"${dateColumn}"`;
  const p = `"${precisionColumn}"`;
  return (
    `(${d} IS NULL AND ${p} IS NULL) OR (${d} IS NOT NULL AND (` +
    `${p} = 'DAY' OR ` +
    `(${p} = 'WEEK' AND EXTRACT(ISODOW FROM ${d}) = 1) OR ` +
    `(${p} = 'MONTH' AND EXTRACT(DAY FROM ${d}) = 1) OR ` +
    `(${p} = 'YEAR' AND EXTRACT(DAY FROM ${d}) = 1 AND EXTRACT(MONTH FROM ${d}) = 1)))`
  );
}
