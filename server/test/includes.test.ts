import fs from 'node:fs';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../src/paths.js';
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
        { input: { text: 'A draft about the event.', claimantLabel: 'a test', attribution: 'DIRECT_QUOTE', modality: 'ASSERTED', eventIds: [event!.id], reason: 'test' } },
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
      [`query($first: Int) { claims(first: $first) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`, 1],
      [`query($first: Int) { claims(first: $first) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`, 40],
      [`query($first: Int) { events(first: $first) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`, 1],
      [`query($first: Int) { events(first: $first) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`, 10],
    ] as const) {
      const before = db.statements.count;
      expect(nodesOf(dataOf(await gql<Page>(query, { first }, viewers.anonymous)))).toHaveLength(first);
      expect(db.statements.count - before).toBe(1);
    }
  });

  it("names a claim's claimant when only its name is asked for, and honours @skip", async () => {
    const named = nodesOf(dataOf(await gql<Page>(CLAIMANT_NAME_ONLY, {}, viewers.anonymous)));
    for (const claim of named) {
      const alone = dataOf(await gql<Record<string, Node>>(`query($id: ID!) { claim(id: $id) { id claimantName } }`, { id: claim.id }, viewers.anonymous)).claim;
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
