import fs from 'node:fs';

import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { getSchema } from '../src/graphql/schema.js';
import { Claim } from '../src/modules/claims/claim.entity.js';
import { EntityRecord } from '../src/modules/entities/entity.entity.js';
import { Event } from '../src/modules/events/event.entity.js';
import { Evidence } from '../src/modules/evidence/evidence.entity.js';
import { Source } from '../src/modules/sources/source.entity.js';
import { schemaFile } from '../src/paths.js';
import { watchColumnReads } from './support/column-reads.js';
import type { TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { dataOf, graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const SCHEMA = buildSchema(fs.readFileSync(schemaFile, 'utf8'));

/** Every field of a type that answers a scalar or an enum and needs no argument: a field added later is compared too. */
function leafFields(typeName: string): string {
  const type = SCHEMA.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.values(type.getFields())
    .filter((field) => isLeafType(getNamedType(field.type)) && field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => field.name)
    .join(' ');
}

/**
 * A page of claims or events reads what its records lead to in its own statement, only the columns the query
 * asks for, while a record read alone goes through the loaders, whole rows. Both must answer the same, for every
 * field of the records a list includes, through fragments, aliases and directives, for each kind of caller.
 */
const FRAGMENTS = `
fragment EntityFields on Entity { id version createdAt updatedAt deletedAt name kind aliases description externalIds { scheme value } wikidataId mergedInto { id } }
fragment SourceFields on Source { id version createdAt updatedAt title url publisher author publishedAt publishedPrecision publishedBasis publishedNote language kind reliability reliabilityNote currentRevision { id number } }
fragment EvidenceFields on Evidence {
  id version createdAt updatedAt deletedAt anchorStatus
  selector { exact prefix suffix start end }
  context(chars: 40) { before exact after }
  sourceRevision { id number }
  source { ...SourceFields }
  claim { id } event { id }
}
fragment ClaimFields on Claim {
  ${leafFields('Claim')}
  said: claimantName
  claimant { ...EntityFields }
  evidence { ...EvidenceFields }
  quotes: evidence { selector { exact } source @include(if: $withSources) { title } }
  events { id title }
  entities { id name }
  links { type claim { id } }
  reviews { status comment }
}`;

const CLAIMS = `query($first: Int, $withSources: Boolean!) { claims(first: $first) { edges { node { ...ClaimFields } } } } ${FRAGMENTS}`;
const CLAIM = `query($id: ID!, $withSources: Boolean!) { claim(id: $id) { ...ClaimFields } } ${FRAGMENTS}`;
const EVENT_FIELDS = `fragment EventFields on Event {
  id version createdAt updatedAt deletedAt title summary modality status proposal retracted timeExpression
  type { code label } start { date precision } end { date precision } dateMatch(from: "2022-01-01", to: "2022-12-31")
  place { id name } parent { id } parts { id } participants { role entity { id } } reviews { status }
  claims { ...ClaimFields } evidence { ...EvidenceFields }
}`;
const EVENTS = `query($first: Int, $withSources: Boolean!) { events(first: $first) { edges { node { ...EventFields } } } } ${EVENT_FIELDS} ${FRAGMENTS}`;
const EVENT = `query($id: ID!, $withSources: Boolean!) { event(id: $id) { ...EventFields } } ${EVENT_FIELDS} ${FRAGMENTS}`;
const CLAIMANT_NAME_ONLY = `{ claims(first: 100) { edges { node { id claimantName } } } }`;
const PART_OF_SELECTOR = `query($first: Int, $withSources: Boolean!) { claims(first: $first) { edges { node { id evidence { selector { end exact } } } } } }`;
const PART_OF_SELECTOR_ALONE = `query($id: ID!, $withSources: Boolean!) { claim(id: $id) { id evidence { selector { end exact } } } }`;
const SKIPPED = `query($skip: Boolean!) { claims(first: 5) { edges { node { id evidence @skip(if: $skip) { id } } } } }`;

/**
 * Every way a record is read in part (`pick`), by its GraphQL type: the statement of a page, its includes, and
 * search's scan. `$` is where the fields asked of the record go.
 */
const READ_IN_PART: ReadonlyArray<[string, string]> = [
  ['Claim', `claims(first: 50) { edges { node { $ } } }`],
  ['Claim', `events(first: 50) { edges { node { claims { $ } } } }`],
  [
    'Claim',
    `search(query: "myanmar or russia or aung or ukraine", types: [CLAIM], first: 50) { edges { node { record { ... on Claim { $ } } } } }`,
  ],
  ['Event', `events(first: 50) { edges { node { $ } } }`],
  [
    'Event',
    `search(query: "myanmar or russia or aung or putin", types: [EVENT], first: 50) { edges { node { record { ... on Event { $ } } } } }`,
  ],
  ['Evidence', `claims(first: 50) { edges { node { evidence { $ } } } }`],
  ['Evidence', `events(first: 50) { edges { node { evidence { $ } } } }`],
  ['Evidence', `events(first: 50) { edges { node { claims { evidence { $ } } } } }`],
  ['Entity', `claims(first: 50) { edges { node { claimant { $ } } } }`],
  ['Entity', `search(query: "a", types: [ENTITY], first: 50) { edges { node { record { ... on Entity { $ } } } } }`],
  ['Source', `claims(first: 50) { edges { node { evidence { source { $ } } } } }`],
  ['Source', `search(query: "a", types: [SOURCE], first: 50) { edges { node { record { ... on Source { $ } } } } }`],
];

/** The arguments of fields that require some. */
const ARGUMENTS: Record<string, string> = { dateMatch: '(from: "2022-01-01", to: "2022-12-31")' };

const leavesOf = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter(
    (field) => isLeafType(getNamedType(field.type)) && field.args.every((arg) => !isRequiredArgument(arg)),
  );

/**
 * A field as asked for on its own: with its arguments, and, for an object made of leaves (a selector, a date), all
 * of them; a record or a list of them needs nothing of its own read for `__typename`.
 */
function askFor(field: GraphQLField<unknown, unknown>): { all: string; parts: string[] } {
  if (field.args.some(isRequiredArgument) && !ARGUMENTS[field.name])
    throw new Error(`give ${field.name}'s required arguments in ARGUMENTS`);
  const name = `${field.name}${ARGUMENTS[field.name] ?? ''}`;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return { all: name, parts: [] };
  const leaves = isObjectType(type) ? leavesOf(type) : [];
  if (isObjectType(type) && leaves.length === Object.keys(type.getFields()).length) {
    return { all: `${name} { ${leaves.map((leaf) => leaf.name).join(' ')} }`, parts: leaves.map((leaf) => `${name} { ${leaf.name} }`) };
  }
  return { all: `${name} { __typename }`, parts: [] };
}

/** `whole` with only the fields `part` has, down to its leaves. */
function shapedAs(whole: unknown, part: unknown): unknown {
  if (Array.isArray(part) && Array.isArray(whole)) return whole.map((item, i) => shapedAs(item, part[i]));
  if (part && typeof part === 'object' && whole && typeof whole === 'object') {
    return Object.fromEntries(
      Object.keys(part).map((key) => [key, shapedAs((whole as Record<string, unknown>)[key], (part as Record<string, unknown>)[key])]),
    );
  }
  return whole;
}

type Node = { id: string } & Record<string, unknown>;
type Page = Record<string, { edges: Array<{ node: Node }> }>;

describe('a page read with what its records lead to', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  const nodesOf = (page: Page) => Object.values(page)[0]!.edges.map((edge) => edge.node);

  async function expectSameAsAlone(list: string, one: string, field: 'claim' | 'event', viewer = viewers.anonymous, withSources = true) {
    const nodes = nodesOf(dataOf(await gql<Page>(list, { first: 100, withSources }, viewer)));
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const alone = dataOf(await gql<Record<string, Node>>(one, { id: node.id, withSources }, viewer))[field];
      expect(node).toEqual(alone);
    }
    return nodes;
  }

  it('answers each claim of a page as the claim read alone, for every field', async () => {
    const claims = await expectSameAsAlone(CLAIMS, CLAIM, 'claim');
    // The seed's claims have claimants and evidence: the comparison covers them, not only nulls and empty lists.
    expect(claims.some((claim) => claim.claimant !== null)).toBe(true);
    expect(claims.every((claim) => (claim.evidence as unknown[]).length > 0)).toBe(true);
    await expectSameAsAlone(CLAIMS, CLAIM, 'claim', viewers.editor, false);
    // A selector asked for in part reads only those columns, and answers them as a whole one would.
    await expectSameAsAlone(PART_OF_SELECTOR, PART_OF_SELECTOR_ALONE, 'claim');
  });

  it('answers each event of a page, its claims and their evidence, as the event read alone', async () => {
    const events = await expectSameAsAlone(EVENTS, EVENT, 'event');
    expect(events.some((event) => (event.claims as unknown[]).length > 0)).toBe(true);
    await expectSameAsAlone(EVENTS, EVENT, 'event', viewers.reviewer);
  });

  it("leaves out of an event's claims those the caller may not see", async () => {
    const [event] = nodesOf(dataOf(await gql<Page>(`{ events(first: 1) { edges { node { id } } } }`, {}, viewers.anonymous)));
    const draft = dataOf(
      await gql<{ createClaim: { id: string } }>(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
        {
          input: {
            text: 'A draft about the event.',
            claimantLabel: 'a test',
            attribution: 'DIRECT_QUOTE',
            modality: 'ASSERTED',
            eventIds: [event!.id],
            reason: 'test',
          },
        },
        (await createEditor(db.dataSource)).viewer,
      ),
    ).createClaim;
    const claimsOfEvent = async (viewer: typeof viewers.anonymous) =>
      nodesOf(dataOf(await gql<Page>(`{ events(first: 1) { edges { node { id claims { id } } } } }`, {}, viewer)))[0]!.claims as Node[];
    expect((await claimsOfEvent(viewers.anonymous)).map((claim) => claim.id)).not.toContain(draft.id);
    expect((await claimsOfEvent(viewers.editor)).map((claim) => claim.id)).toContain(draft.id);
    await expectSameAsAlone(EVENTS, EVENT, 'event', viewers.editor);
  });

  it('reads a page and what it leads to in one statement, whatever its size', async () => {
    for (const [query, first] of [
      [
        `query($first: Int) { claims(first: $first) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`,
        1,
      ],
      [
        `query($first: Int) { claims(first: $first) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`,
        40,
      ],
      [
        `query($first: Int) { events(first: $first) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`,
        1,
      ],
      [
        `query($first: Int) { events(first: $first) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`,
        10,
      ],
    ] as const) {
      const before = db.statements.count;
      expect(nodesOf(dataOf(await gql<Page>(query, { first }, viewers.anonymous)))).toHaveLength(first);
      expect(db.statements.count - before).toBe(1);
    }
  });

  it("names a claim's claimant when only its name is asked for, and honours @skip", async () => {
    const named = nodesOf(dataOf(await gql<Page>(CLAIMANT_NAME_ONLY, {}, viewers.anonymous)));
    for (const claim of named) {
      const alone = dataOf(
        await gql<Record<string, Node>>(`query($id: ID!) { claim(id: $id) { id claimantName } }`, { id: claim.id }, viewers.anonymous),
      ).claim;
      expect(claim).toEqual(alone);
      expect(claim.claimantName).not.toBe('');
    }
    // As a client receives it: compiled execution leaves a skipped field's key in place, undefined, which JSON drops.
    const skipped = nodesOf(JSON.parse(JSON.stringify(dataOf(await gql<Page>(SKIPPED, { skip: true }, viewers.anonymous)))));
    expect(skipped.every((claim) => !('evidence' in claim))).toBe(true);
    const kept = nodesOf(dataOf(await gql<Page>(SKIPPED, { skip: false }, viewers.anonymous)));
    expect(kept.every((claim) => Array.isArray(claim.evidence))).toBe(true);
  });
});

/**
 * Each field of a type read in part is asked for alone, every way the type is read in part, by an anonymous and a
 * staff caller: its resolver must read no column the record was read without, which a field whose `@Reads` leaves
 * one out would, answering from `undefined`. In a database of its own: its hundreds of distinct statements retire
 * prepared ones, whose DEALLOCATE the statement counts above would see.
 */
describe('a record read in part', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  it('reads, for each field, no column but those its resolver declares (@Reads)', async () => {
    const schema = await getSchema();
    const watch = watchColumnReads(db.dataSource, [Claim, Event, Evidence, EntityRecord, Source]);
    const undeclared: string[] = [];
    let asked = 0;
    try {
      for (const [typeName, path] of READ_IN_PART) {
        const type = schema.getType(typeName);
        if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
        for (const field of Object.values(type.getFields())) {
          const { all, parts } = askFor(field);
          const query = `{ ${path.replace('$', all)} }`;
          const found = undeclared.length;
          for (const [caller, viewer] of [
            ['anonymous', viewers.anonymous],
            ['staff', viewers.editor],
          ] as const) {
            let failed: string[] = [];
            const read = await watch.noting(
              async () => (failed = (await gql(query, {}, viewer)).errors?.map((error) => error.message) ?? []),
            );
            asked++;
            // What a resolver reads but was not given is undefined: it may answer wrong, or fail.
            if (read.length > 0 || failed.length > 0)
              undeclared.push(
                `${typeName}.${field.name} through ${path} as ${caller}: read ${[...read, ...failed.map((message) => `and failed: ${message}`)].join(', ')}`,
              );
          }
          // An object made of several columns asked for in part reads only that part's columns, and answers as the whole does.
          if (parts.length === 0 || undeclared.length > found) continue;
          const whole = dataOf(await gql(query, {}, viewers.anonymous));
          for (const part of parts) {
            const answer = dataOf(await gql(`{ ${path.replace('$', part)} }`, {}, viewers.anonymous));
            expect(answer, `${typeName}.${part} through ${path}`).toEqual(shapedAs(whole, answer));
          }
        }
      }
    } finally {
      watch.restore();
    }
    expect(asked).toBeGreaterThan(200);
    expect(undeclared).toEqual([]);
  });
});
