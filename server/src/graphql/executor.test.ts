import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { COMPILED_TEXT_BUDGET, LONGEST_COMPILED, operationRunner } from './executor.js';
import { getSchema } from './schema.js';

const run = (runner: ReturnType<typeof operationRunner>, query: ReturnType<typeof parse>) =>
  runner.run({ document: query, operationName: null, variables: {}, context: {} });

describe('operationRunner', () => {
  it('compiles an operation on its second run, and answers it the same', async () => {
    const runner = operationRunner(await getSchema());
    const document = parse('{ first: __typename }');
    expect(await run(runner, document)).toEqual({ data: { first: 'Query' } });
    expect(runner.compiledText).toBe(0);
    expect(await run(runner, document)).toEqual({ data: { first: 'Query' } });
    expect(runner.compiledText).toBe(document.loc!.end);
  });

  it('keeps at most its budget of query text compiled, dropping the least recently run', async () => {
    const runner = operationRunner(await getSchema());
    // Compiled code leaves a skipped field's key in place, undefined; graphql-js leaves it out: that tells them apart.
    const kept = parse('{ kept: __typename skipped: __typename @skip(if: true) }');
    const ranCompiled = async () => 'skipped' in (await run(runner, kept)).data!;
    await run(runner, kept);
    expect(await ranCompiled()).toBe(true);
    for (let i = 0; i < 2 * Math.ceil(COMPILED_TEXT_BUDGET / 1000); i++) {
      const other = parse(`{ ${`q${i}_`.padEnd(990, 'x')}: __typename }`);
      await run(runner, other);
      await run(runner, other);
      expect(runner.compiledText).toBeLessThanOrEqual(COMPILED_TEXT_BUDGET);
      expect(await ranCompiled()).toBe(true);
    }
    expect(runner.compiledText).toBeGreaterThan(COMPILED_TEXT_BUDGET - 2000);
  });

  it('leaves a document too long to be worth compiling interpreted', async () => {
    const runner = operationRunner(await getSchema(), { compileOnRun: 1 });
    const long = parse(`{ ${'a'.repeat(LONGEST_COMPILED)}: __typename }`);
    expect(await run(runner, long)).toEqual({ data: { ['a'.repeat(LONGEST_COMPILED)]: 'Query' } });
    await run(runner, long);
    expect(runner.compiledText).toBe(0);
  });
});
