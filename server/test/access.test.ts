import fs from 'node:fs';
import path from 'node:path';

import {
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import type { Viewer } from '../src/core/access/viewer.js';
import { DomainError } from '../src/core/errors.js';
import { PUBLIC_FIELDS } from '../src/graphql/access.js';
import { AccessDenied } from '../src/graphql/auth-checker.js';
import { getSchema } from '../src/graphql/schema.js';
import { repoRoot } from '../src/paths.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createUser } from './support/factories.js';
import { graphqlClient, viewers } from './support/graphql.js';

const DOC = path.join(repoRoot, 'docs', 'access.md');
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** A value of the type that passes GraphQL's own checks, so that only the access rules and the services judge. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  switch (getNamedType(type).name) {
    case 'ID':
      return SOME_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

const ROLES = ['anonymous', 'CLIENT', 'EDITOR', 'REVIEWER', 'ADMIN'] as const;
const MARK = { allowed: '✓', UNAUTHENTICATED: 'sign in', FORBIDDEN: '✗' } as const;

describe('access to the API', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  const as: Record<(typeof ROLES)[number], Viewer> = { anonymous: viewers.anonymous } as never;

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    as.CLIENT = { userId: null, apiKeyId: SOME_ID, roles: [Role.CLIENT] };
    for (const role of [Role.EDITOR, Role.REVIEWER, Role.ADMIN] as const) as[role] = (await createUser(db.dataSource, [role])).viewer;
  });
  afterAll(() => db.drop());

  it('declares, for every root field, who may use it: roles in code, or a place on the public list', async () => {
    const schema = await getSchema();
    const authorized = new Set(getMetadataStorage().authorizedFields.map((field) => field.fieldName));
    const undeclared: string[] = [];
    const both: string[] = [];
    for (const type of [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!]) {
      for (const name of Object.keys(type.getFields())) {
        if (!authorized.has(name) && !PUBLIC_FIELDS.has(name)) undeclared.push(name);
        if (authorized.has(name) && PUBLIC_FIELDS.has(name)) both.push(name);
      }
    }
    expect(undeclared).toEqual([]);
    expect(both).toEqual([]);
  });

  it('matches docs/access.md, role by role, for every query, mutation and subscription (set UPDATE_ACCESS_DOC=1 to rewrite it)', async () => {
    const schema = await getSchema();
    const rows: string[] = [];
    for (const [kind, type] of [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name))) {
        const { query, variables } = operationFor(kind, field);
        const cells: string[] = [];
        for (const role of ROLES) {
          const result = await gql(query, variables, as[role]);
          // Any error other than a service's own refusal means the probe itself is wrong, not the access rules.
          const stray = result.errors?.find((error) => !(error.originalError instanceof DomainError));
          if (stray) throw new Error(`${field.name} as ${role}: ${stray.message}`);
          const denial = result.errors?.map((error) => error.originalError).find((error) => error instanceof AccessDenied);
          cells.push(denial ? MARK[denial.code as 'UNAUTHENTICATED' | 'FORBIDDEN'] : MARK.allowed);
        }
        rows.push(`| ${kind === 'query' ? 'query' : 'mutation'} | \`${field.name}\` | ${cells.join(' | ')} |`);
      }
    }
    // A subscription runs only over a WebSocket, so it is read from its declaration rather than called: none is
    // limited to roles yet, and the first one that is fails here until this learns to probe it.
    for (const field of Object.values(schema.getSubscriptionType()!.getFields()).sort((a, b) => a.name.localeCompare(b.name))) {
      expect(PUBLIC_FIELDS.has(field.name)).toBe(true);
      rows.push(`| subscription | \`${field.name}\` | ${ROLES.map(() => MARK.allowed).join(' | ')} |`);
    }
    const table = [
      '# Who may use what',
      '',
      'Every root field of the GraphQL API, and what each caller gets: ✓ allowed, ✗ FORBIDDEN, "sign in" UNAUTHENTICATED.',
      'CLIENT is a client app with an API key. Allowed still means filtered: anonymous callers and CLIENT keys see only',
      'VERIFIED and RETRACTED claims and events (invariant 7). This table is checked against the running schema by',
      '`server/test/access.test.ts`; a change of access that does not update it fails the tests.',
      '',
      `| kind | field | ${ROLES.join(' | ')} |`,
      `| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} |`,
      ...rows,
      '',
    ].join('\n');
    // The sections after the table are prose about what each caller reads; the table alone is generated.
    const written = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '(docs/access.md is missing)';
    const prose = written.indexOf('\n## ');
    const expected = prose === -1 ? table : `${table}${written.slice(prose)}`;
    if (process.env.UPDATE_ACCESS_DOC === '1') {
      fs.mkdirSync(path.dirname(DOC), { recursive: true });
      fs.writeFileSync(DOC, expected);
    }
    expect(expected).toBe(written);
  });
});
