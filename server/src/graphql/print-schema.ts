/** `npm run schema:print -w server`: writes the built schema to schema.graphql, the contract clients read. */
import 'reflect-metadata';

import fs from 'node:fs';

import { printSchema } from 'graphql';

import { schemaFile } from '../paths.js';
import { getSchema } from './schema.js';

getSchema()
  .then((schema) => {
    fs.writeFileSync(schemaFile, `${printSchema(schema)}\n`);
    console.log(`Wrote ${schemaFile}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
