/** A field's value as a line of text, for diffs and conflicts: lists joined, dates at their precision, objects as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.date === 'string' && typeof object.precision === 'string') return `${object.date} (${String(object.precision).toLowerCase()})`;
    if (typeof object.entityId === 'string' && typeof object.role === 'string') return `${object.role.toLowerCase()}: ${object.entityId}`;
    return JSON.stringify(value);
  }
  return String(value);
}
