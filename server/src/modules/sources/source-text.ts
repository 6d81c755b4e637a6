import type { InputCheck } from '../../core/validation.js';

export const MAX_SOURCE_TEXT = 2_000_000;

/** A source's text as published: not empty, not huge, and valid Unicode the database can store. */
export function checkText(check: InputCheck, field: string, text: string): void {
  if (text.trim().length === 0) check.fail(field, 'must not be empty');
  if (text.length > MAX_SOURCE_TEXT) check.fail(field, `must be at most ${MAX_SOURCE_TEXT} characters`);
  if (text.includes('\u0000')) check.fail(field, 'must not contain NUL characters');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    check.fail(field, 'must be valid Unicode (it holds a lone surrogate)');
}
