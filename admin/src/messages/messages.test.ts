import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { en } from './en';
import { fr } from './fr';

const SOURCE = path.resolve(import.meta.dirname, '..');
/** Generated code, and the messages themselves, name no keys to look up. */
const SKIPPED = new Set([path.join(SOURCE, 'gql'), path.join(SOURCE, 'messages')]);

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(full) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every key the console names in full (`translate('console.…')`, `label="resources.claims.fields.text"`, `notify('…')`). */
const FULL_KEY = /['"]((?:console|resources)\.[A-Za-z0-9_.-]+)['"]/g;
/** A key built from a value (`console.review.decisions.${decision}`): the part before the value must name a group. */
const KEY_PREFIX = /`((?:console|resources)(?:\.[A-Za-z0-9_-]+)*)\.\$\{/g;

const lookUp = (messages: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);

function keysUsed(pattern: RegExp): Array<{ key: string; file: string }> {
  return sourceFiles(SOURCE).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((match) => ({ key: match[1]!, file: path.relative(SOURCE, file) })),
  );
}

describe('the messages files', () => {
  it('find the console’s keys: a search of admin/src finds some', () => {
    expect(keysUsed(FULL_KEY).length).toBeGreaterThan(200);
  });

  it('hold, in English and in French, a text for every key the console names', () => {
    const missing = keysUsed(FULL_KEY).flatMap(({ key, file }) =>
      (['en', 'fr'] as const)
        .filter((language) => typeof lookUp(language === 'en' ? en : fr, key) !== 'string')
        .map((language) => `${language}: ${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it('hold a group for every key the console builds from a value', () => {
    const missing = keysUsed(KEY_PREFIX).flatMap(({ key, file }) =>
      (['en', 'fr'] as const)
        .filter((language) => {
          const group = lookUp(language === 'en' ? en : fr, key);
          return !group || typeof group !== 'object';
        })
        .map((language) => `${language}: ${key}.… (${file})`),
    );
    expect(missing).toEqual([]);
  });
});
