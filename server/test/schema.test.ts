import fs from 'node:fs';

import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

import { getSchema } from '../src/graphql/schema.js';
import { schemaFile } from '../src/paths.js';

describe('schema.graphql', () => {
  it('is the schema the server builds (run `npm run schema:print -w server` after a deliberate change)', async () => {
    expect(`${printSchema(await getSchema())}\n`).toBe(fs.readFileSync(schemaFile, 'utf8'));
  });

  it('has the root fields of DESIGN.md that have landed', async () => {
    const fields = Object.keys((await getSchema()).getQueryType()!.getFields());
    expect(fields).toEqual(
      expect.arrayContaining(['source', 'sources', 'entity', 'entities', 'event', 'events', 'claim', 'claims', 'revisions']),
    );
  });
});
