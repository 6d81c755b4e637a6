import { DatePrecision, isStartOfPeriod, parseIsoDate } from './dates/precision.js';
import { BadInputError, type FieldProblem } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Collects every problem with an input before refusing it, so one answer names all the bad fields.
 * Each check returns the value, normalised (trimmed), for the caller to use.
 */
export class InputCheck {
  private readonly problems: FieldProblem[] = [];

  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  text(field: string, value: string, options: { max: number; min?: number }): string {
    const trimmed = value.trim();
    if (trimmed.length < (options.min ?? 1))
      this.fail(field, options.min ? `must be at least ${options.min} characters` : 'must not be empty');
    if (trimmed.length > options.max) this.fail(field, `must be at most ${options.max} characters`);
    return trimmed;
  }

  optionalText(field: string, value: string | null | undefined, options: { max: number }): string | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    return this.text(field, value, options);
  }

  oneOf<T extends string>(field: string, value: string, allowed: Record<string, T> | readonly T[]): T {
    const list = Array.isArray(allowed) ? allowed : Object.values(allowed);
    if (!list.includes(value as T)) this.fail(field, `must be one of ${list.join(', ')}`);
    return value as T;
  }

  integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) this.fail(field, `must be an integer from ${min} to ${max}`);
    return value;
  }

  id(field: string, value: string): string {
    if (!UUID.test(value)) this.fail(field, 'must be a UUID');
    return value.toLowerCase();
  }

  url(field: string, value: string | null | undefined): string | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    try {
      const url = new URL(value.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') this.fail(field, 'must be an http or https URL');
    } catch {
      this.fail(field, 'must be a URL');
    }
    return this.text(field, value, { max: 2048 });
  }

  /** A date at a precision: both or neither, a real calendar date, at the start of its period. */
  datedAt(
    field: string,
    date: string | null | undefined,
    precision: DatePrecision | null | undefined,
    allowed: readonly DatePrecision[] = Object.values(DatePrecision),
  ): { date: string | null; precision: DatePrecision | null } {
    if (!date && !precision) return { date: null, precision: null };
    if (!date || !precision) {
      this.fail(field, 'a date and its precision go together');
      return { date: null, precision: null };
    }
    if (!allowed.includes(precision)) this.fail(`${field}Precision`, `must be one of ${allowed.join(', ')}`);
    else if (!parseIsoDate(date)) this.fail(field, 'must be a calendar date written YYYY-MM-DD');
    else if (!isStartOfPeriod(date, precision)) {
      this.fail(
        field,
        `at ${precision} precision must be the first day of its ${precision.toLowerCase()}${precision === DatePrecision.WEEK ? ' (a Monday)' : ''}`,
      );
    }
    return { date, precision };
  }

  /** Throws BAD_USER_INPUT naming every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw new BadInputError(this.problems);
  }
}

/** An id argument, refused at once when it cannot be one: the database would answer with an internal error. */
export function requireId(value: string, field = 'id'): string {
  const check = new InputCheck();
  const id = check.id(field, value);
  check.done();
  return id;
}
