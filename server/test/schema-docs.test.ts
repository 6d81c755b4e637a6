import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { getSchema } from '../src/graphql/schema.js';

/** Root types: type-graphql cannot describe them, and their fields say what they are. */
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const described = (description: string | null | undefined) => Boolean(description?.trim());

/**
 * Everything a client developer reads in schema.graphql without a description, by coordinate: types, fields
 * of object, interface and input types, enum values, and the arguments of root fields.
 */
function undescribed(schema: GraphQLSchema) {
  const types: string[] = [];
  const fields: string[] = [];
  const enumValues: string[] = [];
  const rootArguments: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const root = ROOTS.has(type.name);
    if (!root && !described(type.description)) types.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) fields.push(`${type.name}.${field.name}`);
        if (root && 'args' in field) {
          for (const arg of field.args) if (!described(arg.description)) rootArguments.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) enumValues.push(`${type.name}.${value.name}`);
    }
  }
  return { types, fields, enumValues, rootArguments };
}

describe('schema.graphql documents itself', () => {
  it('describes every type but Query, Mutation, Subscription and the built-in scalars', async () => {
    expect(undescribed(await getSchema()).types).toEqual([]);
  });

  it('describes every field of every object and input type', async () => {
    expect(undescribed(await getSchema()).fields).toEqual([]);
  });

  it('describes every enum value', async () => {
    expect(undescribed(await getSchema()).enumValues).toEqual([]);
  });

  it('describes every argument of every query and mutation', async () => {
    expect(undescribed(await getSchema()).rootArguments).toEqual([]);
  });

  it('would catch what is missing (the check checks)', () => {
    const bare = buildSchema(`
      type Query { thing(id: ID!): Thing }
      type Thing { id: ID! kind: Kind }
      enum Kind { A B }
      input Filter { kind: Kind }
      type Mutation { make(input: Filter): Thing }
    `);
    expect(undescribed(bare)).toEqual({
      types: ['Thing', 'Kind', 'Filter'],
      fields: ['Query.thing', 'Thing.id', 'Thing.kind', 'Filter.kind', 'Mutation.make'],
      enumValues: ['Kind.A', 'Kind.B'],
      rootArguments: ['Query.thing(id:)', 'Mutation.make(input:)'],
    });
  });
});
