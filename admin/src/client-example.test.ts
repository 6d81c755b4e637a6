import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

import config from '../../examples/client/codegen';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = resolve(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

describe('the TypeScript client example of docs/api.md', () => {
  it('has the typed documents codegen makes of the schema now', async () => {
    const outputs = await generate({ ...config, cwd: root }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(resolve(root, filename), 'utf8'), filename).toBe(content);
  }, 60_000);

  it('compiles with tsc, strict', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', resolve(root, 'examples/client/tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 60_000);
});
