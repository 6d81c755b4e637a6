import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so equal values always serialise, and hash, the same. Written out
 * directly, without a sorted copy of the value to hand to JSON.stringify, but to the very text that copy gave
 * (revisions.test.ts holds it to that text over arbitrary values), integer keys first included: dates as their ISO text, undefined dropped from objects
 * and null in arrays, non-finite numbers null, and no `__proto__` key (assigning one to the copy set its prototype).
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** An array index as an object holds it: a canonical decimal integer below 2³² − 1. */
const isIndex = (key: string): boolean => {
  const code = key.charCodeAt(0);
  if (code < 48 || code > 57) return false;
  const number = Number(key);
  return number < 4294967295 && String(number) === key;
};

/**
 * Sorted keys in the order a plain object made with them lists its own: array indexes first, in numeric order, then the
 * rest as given. The sorted copy was such an object, so this is the order its text had.
 */
function inObjectOrder(sorted: string[]): string[] {
  if (!sorted.some(isIndex)) return sorted;
  const indexes = sorted.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...sorted.filter((key) => !isIndex(key))];
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${write(value[i]) ?? 'null'}`;
        return `${out}]`;
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      let out = '{';
      for (const key of inObjectOrder(Object.keys(value).sort())) {
        if (key === '__proto__') continue;
        const json = write((value as Record<string, unknown>)[key]);
        if (json !== undefined) out += `${out === '{' ? '' : ','}${JSON.stringify(key)}:${json}`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Whether two values have the same canonical JSON, without writing either: comparing whole states record by
 * record over a million revisions, serialising both sides was most of the work.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return canonicalJson(a) === canonicalJson(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    defined++;
    if (right[key] === undefined || !sameJson(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) defined--;
  return defined === 0;
}
