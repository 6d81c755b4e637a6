import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { generate } from '@graphql-codegen/cli';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import config from '../../codegen';
import * as generated from '../gql/graphql';
import { allDocument, listDocument, manyDocument, oneDocument, searchDocument, writeDocument } from './documents';
import { inputTypeOf, RESOURCES } from './resources';

const admin = resolve(import.meta.dirname, '../..');
const schema = buildSchema(readFileSync(resolve(admin, '../server/schema.graphql'), 'utf8'));

const problemsOf = (document: string) => validate(schema, parse(document)).map((error) => error.message);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
const src = resolve(admin, 'src');
const written = sourceFiles(src).filter((file) => !relative(src, file).startsWith('gql/'));

/** Every document the dataProvider builds for a resource, with the selections it uses them with. */
function dynamicDocuments() {
  const documents: Array<[string, string]> = [];
  for (const [name, definition] of Object.entries(RESOURCES)) {
    const add = (what: string, document: string) => documents.push([`${name}: ${what}`, document]);
    if (definition.list.kind === 'connection') {
      add('list', listDocument(definition, definition.listFields));
      add('list, skipping pages', listDocument(definition, 'id'));
    } else {
      add('whole list', allDocument(definition, definition.listFields, false));
    }
    if (definition.searchType) {
      add('search', searchDocument(definition, definition.listFields));
      add('search, skipping pages', searchDocument(definition, 'id'));
    }
    if (definition.byTarget) add('one record’s rows', allDocument(definition, definition.listFields, true));
    if (definition.one) {
      add('one', oneDocument(definition));
      add('many', manyDocument(definition, 25));
    } else if (definition.list.kind === 'array') {
      add('one, from the whole list', allDocument(definition, definition.fields, false));
    }
    if (definition.create) add('create', writeDocument(definition, 'create'));
    for (const verb of definition.writes) add(verb, writeDocument(definition, verb));
  }
  return documents;
}

describe('the documents the console sends', () => {
  const typed = Object.entries(generated).filter(([, value]) => value instanceof generated.TypedDocumentString);

  it('types every document written with graphql() and validates each operation against the schema', () => {
    const calls = written.reduce((count, file) => count + (readFileSync(file, 'utf8').match(/\bgraphql\(`/g)?.length ?? 0), 0);
    expect(typed.length).toBe(calls);
    // A fragment alone is unused; it is validated in the resource documents that spread it, below.
    const operations = typed.filter(([, document]) => !String(document).trimStart().startsWith('fragment'));
    for (const [name, document] of operations) expect(problemsOf(String(document)), name).toEqual([]);
  });

  it.each(dynamicDocuments())('builds a valid document for %s', (_, document) => {
    expect(problemsOf(document)).toEqual([]);
  });

  it('filters lists by fields their filter inputs have', () => {
    for (const [name, definition] of Object.entries(RESOURCES)) {
      if (definition.list.kind !== 'connection') continue;
      const filter = schema.getType(definition.list.filterType);
      if (!isInputObjectType(filter)) throw new Error(`${name}: no input type ${definition.list.filterType}`);
      expect(Object.keys(filter.getFields()), name).toEqual(expect.arrayContaining(definition.listFilters ?? []));
    }
  });

  it('reads every scalar and enum field of a record in its show and edit views, and may send every field of its inputs', () => {
    for (const [name, definition] of Object.entries(RESOURCES)) {
      const type = schema.getType(definition.typeName);
      if (!isObjectType(type)) throw new Error(`${name}: no type ${definition.typeName}`);
      const leaves = Object.values(type.getFields())
        .filter(
          (field) =>
            isLeafType(getNamedType(field.type)) && !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined),
        )
        .map((field) => field.name);
      const operation = parse(`{ record { ${definition.fields} } }`).definitions[0] as OperationDefinitionNode;
      const root = operation.selectionSet.selections[0]!;
      const selected =
        root.kind === Kind.FIELD
          ? (root.selectionSet?.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
          : [];
      expect(
        leaves.filter((field) => !selected.includes(field)),
        `${name}: leaf fields not read`,
      ).toEqual([]);
      const inputFields = (verb: 'create' | 'update') => {
        const input = schema.getType(inputTypeOf(definition, verb));
        return isInputObjectType(input)
          ? Object.keys(input.getFields()).filter((field) => !['id', 'expectedVersion', 'reason'].includes(field))
          : [];
      };
      if (definition.writes.includes('update'))
        expect([...definition.editable].sort(), `${name} update`).toEqual(inputFields('update').sort());
      if (definition.create) expect([...definition.create.fields].sort(), `${name} create`).toEqual(inputFields('create').sort());
    }
  });

  it('is sent from providers/ only: components call the dataProvider', () => {
    const outside = written
      .filter((file) => !relative(src, file).startsWith('providers/'))
      .filter((file) => /\bgraphql\(|import \{[^}]*\brequest\b[^}]*\} from '[./]*providers\/graphql'/.test(readFileSync(file, 'utf8')));
    expect(outside.map((file) => relative(src, file))).toEqual([]);
  });
});

describe('the generated code', () => {
  it('is what codegen makes of the schema and documents now (run `npm run codegen` if not)', async () => {
    const outputs = await generate({ ...config, cwd: admin }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(resolve(admin, filename), 'utf8'), filename).toBe(content);
  }, 60_000);
});
