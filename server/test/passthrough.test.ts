import { gzipSync } from 'node:zlib';

import { ApolloServer } from '@apollo/server';
import { type DocumentNode, type ExecutionResult, getNamedType, type GraphQLSchema, isLeafType, isObjectType, parse } from 'graphql';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import type { Viewer } from '../src/core/access/viewer.js';
import { loadSigningKey } from '../src/core/checkpoints/signing-key.js';
import { createLoaders, createServices, type RequestContext } from '../src/graphql/context.js';
import { operationRunner } from '../src/graphql/executor.js';
import { RawAnswers } from '../src/graphql/passthrough.js';
import { passthroughRoots } from '../src/graphql/passthrough-roots.js';
import { getSchema } from '../src/graphql/schema.js';
import { PlainDocuments } from '../src/http/plain-documents.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import type { TestDatabase } from './support/database.js';
import { createEditor, createUser } from './support/factories.js';
import { viewers } from './support/graphql.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';
import { useSeededDatabase } from './support/seeded.js';

/** The text of an answer as a client reads it, and whether PostgreSQL wrote its data. */
interface Written {
  text: string;
  passedThrough: boolean;
}

/** Every column field of a claim with no resolver of its own. */
const CLAIM_COLUMNS =
  'id version createdAt updatedAt deletedAt deleteReason text claimantLabel attribution modality credibility rank checkWorthiness status proposal';

const CALLERS: Array<[string, Viewer]> = [
  ['anonymous', viewers.anonymous],
  ['client key', viewers.client],
  ['editor', viewers.editor],
  ['admin', viewers.admin],
];

/** JSON text with each number in exponent form (a value, after a colon or in a list) spelt as JavaScript spells it. */
const numbersSpeltAsJavaScript = (text: string) =>
  text.replace(/([:,[])(-?\d+(?:\.\d+)?e[+-]?\d+)(?=[,}\]])/g, (_, before: string, number: string) => before + String(Number(number)));

/**
 * A page of claims answered by PostgreSQL's JSON (passed through) must read byte for byte as the ordinary
 * execution's answer (floats aside, spelt as PostgreSQL spells them): the same keys in the same order, the same
 * values, for every caller. Anything the passthrough
 * does not know must go the ordinary way and answer as before.
 */
describe('answers PostgreSQL writes and the server passes through', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let write: (query: string, variables: Record<string, unknown>, viewer: Viewer, passthrough: boolean) => Promise<Written>;

  useSeededDatabase((ready) => {
    db = ready;
  });

  beforeAll(async () => {
    schema = await getSchema();
    const config = loadConfig({ NODE_ENV: 'test', CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY });
    const services = createServices(db.dataSource, config.auth, loadSigningKey(config), config.jobs);
    const runner = operationRunner(schema, { compileOnRun: 1, passthrough: passthroughRoots(schema, db.dataSource.manager) });
    const documents = new Map<string, DocumentNode>();
    write = async (query, variables, viewer, passthrough) => {
      const rawAnswers = passthrough ? new RawAnswers() : undefined;
      const context: RequestContext = {
        viewer,
        requestId: 'test',
        services,
        loaders: createLoaders(db.dataSource.manager),
        sessionCookie: { set: () => undefined, clear: () => undefined },
        clientAddress: '127.0.0.1',
        rawAnswers,
      };
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const result: ExecutionResult = await runner.run({ document, operationName: null, variables, context });
      // As Apollo writes it: the errors as they leave the server, then the data.
      const text = JSON.stringify({
        ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
        data: result.data,
      });
      // A part held for PostgreSQL's JSON is marked with a NUL, which no answer written the ordinary way holds.
      const passedThrough = text.includes('\\u0000');
      return { text: rawAnswers ? rawAnswers.splice(text) : text, passedThrough };
    };
    // Data the seed lacks: text in several scripts and escapes, numbers PostgreSQL and JavaScript write apart.
    await db.dataSource.query(
      `UPDATE claims SET text = $1, check_worthiness = 1e-7, credibility = NULL, claimant_label = $2
        WHERE id = (SELECT id FROM claims WHERE status = 'VERIFIED' ORDER BY created_at DESC, id DESC LIMIT 1)`,
      ['Он сказал: «нет» — 他说“不” — قال \u{1F600} e\u0301 "quoted" \\ back\tslash\nnew line \u2028 end', 'a "spokes\\person"'],
    );
    await db.dataSource.query(
      `UPDATE claims SET check_worthiness = 0.1, deleted_at = now(), delete_reason = 'a duplicate'
        WHERE id = (SELECT id FROM claims WHERE status = 'VERIFIED' ORDER BY created_at DESC, id DESC OFFSET 2 LIMIT 1)`,
    );
    // A published claim with a claimant and evidence: its claimant and its evidence's source deleted (read as
    // tombstones by all but staff), one of its quotes awaiting re-review (clients read the verified words).
    const [{ id: claimId, claimant_id: claimantId }] = await db.dataSource.query(
      `SELECT c.id, c.claimant_id FROM claims c WHERE c.status = 'VERIFIED' AND c.deleted_at IS NULL AND c.claimant_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id AND e.deleted_at IS NULL) ORDER BY c.created_at DESC, c.id DESC LIMIT 1`,
    );
    await db.dataSource.query(`UPDATE entities SET deleted_at = now(), delete_reason = 'merged by hand' WHERE id = $1`, [claimantId]);
    await db.dataSource.query(
      `UPDATE sources SET deleted_at = now(), delete_reason = 'a copy' WHERE id = (SELECT r.source_id FROM evidence e
        JOIN source_revisions r ON r.id = e.source_revision_id WHERE e.claim_id = $1 AND e.deleted_at IS NULL LIMIT 1)`,
      [claimId],
    );
    await db.dataSource.query(`UPDATE claims SET re_review_pending_since = now() WHERE id = $1`, [claimId]);
    await db.dataSource.query(
      `UPDATE evidence SET exact = 'the words as corrected', anchor_status = 'FUZZY', verified_quote = jsonb_build_object('sourceRevisionId', source_revision_id,
        'exact', 'слова, что проверили «ещё»', 'prefix', 'before ', 'suffix', ' after', 'start', 3, 'end', 29)
        WHERE id = (SELECT id FROM evidence WHERE claim_id = $1 AND deleted_at IS NULL ORDER BY start_pos, id LIMIT 1)`,
      [claimId],
    );
  });

  async function expectSame(query: string, variables: Record<string, unknown>, viewer: Viewer, passes: boolean): Promise<unknown> {
    const passed = await write(query, variables, viewer, true);
    const ordinary = await write(query, variables, viewer, false);
    expect(ordinary.passedThrough).toBe(false);
    expect(passed.passedThrough).toBe(passes);
    // Byte for byte, the same keys in the same order and the same values, written as graphql-js writes them; but for
    // how a float is spelt: PostgreSQL writes 1e-07 where JavaScript writes 1e-7, the same number to every client.
    expect(numbersSpeltAsJavaScript(passed.text)).toBe(ordinary.text);
    return (JSON.parse(passed.text) as { data: unknown }).data;
  }

  const claimType = () => {
    const type = schema.getType('Claim');
    if (!isObjectType(type)) throw new Error('Claim is not an object type');
    return type;
  };

  it('passes through every column field of a claim, and answers each as the ordinary path does, for every caller', async () => {
    const leaves = Object.values(claimType().getFields()).filter(
      (field) => isLeafType(getNamedType(field.type)) && field.args.length === 0,
    );
    const passed: string[] = [];
    for (const [, viewer] of CALLERS) {
      for (const field of leaves) {
        const query = `{ claims(first: 100, includeDeleted: true) { edges { node { id ${field.name} claimant { id } } } } }`;
        const written = await write(query, {}, viewer, true);
        await expectSame(query, {}, viewer, written.passedThrough);
        if (viewer === viewers.anonymous && written.passedThrough) passed.push(field.name);
      }
    }
    expect(passed.sort()).toEqual(
      [
        'attribution',
        'checkWorthiness',
        'claimantLabel',
        'createdAt',
        'credibility',
        'deleteReason',
        'deletedAt',
        'id',
        'modality',
        'proposal',
        'rank',
        'status',
        'text',
        'updatedAt',
        'version',
      ].sort(),
    );
  });

  it("writes a page of records' own columns in Node, as the ordinary path does, for every caller", async () => {
    const passed: string[] = [];
    for (const [typeName, root] of [
      ['Claim', 'claims'],
      ['Event', 'events'],
    ]) {
      for (const [, viewer] of CALLERS) {
        for (const field of leavesOf(typeName)) {
          const query = `{ ${root}(first: 100, includeDeleted: true) { edges { cursor node { __typename id ${field} } } pageInfo { endCursor } } }`;
          const written = await write(query, {}, viewer, true);
          await expectSame(query, {}, viewer, written.passedThrough);
          if (viewer === viewers.anonymous && written.passedThrough) passed.push(`${typeName}.${field}`);
        }
      }
    }
    expect(passed).toEqual(
      expect.arrayContaining(['Claim.text', 'Claim.createdAt', 'Claim.credibility', 'Claim.checkWorthiness', 'Event.title']),
    );
    expect(passed).not.toContain('Claim.retracted');
  });

  it('answers the whole connection as the ordinary path does: aliases, type names, cursors, page info and total', async () => {
    const fields = CLAIM_COLUMNS;
    const query = `query($first: Int, $after: String, $last: Int, $before: String, $order: ListOrder, $deleted: Boolean) {
      page: claims(first: $first, after: $after, last: $last, before: $before, order: $order, includeDeleted: $deleted) {
        __typename total: totalCount
        edges { __typename at: cursor node { __typename ${fields} said: text claimant { id } } }
        pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    for (const [, viewer] of CALLERS) {
      for (const deleted of [false, true]) {
        for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST']) {
          // Forwards to the end, then backwards to the start, by the cursors each page gives.
          type Page = {
            page: {
              edges: unknown[];
              pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
            };
          };
          let after: string | null = null;
          let pages = 0;
          let page: Page;
          do {
            page = (await expectSame(query, { first: 7, after, order, deleted }, viewer, true)) as Page;
            after = page.page.pageInfo.endCursor;
            pages++;
          } while (page.page.pageInfo.hasNextPage);
          expect(pages).toBeGreaterThan(1);
          let before: string | null = null;
          do {
            page = (await expectSame(query, { last: 7, before, order, deleted }, viewer, true)) as Page;
            before = page.page.pageInfo.startCursor;
          } while (page.page.pageInfo.hasPreviousPage);
          expect(page.page.edges.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('answers pages that never ask pageInfo as the ordinary path does, forwards and backwards, edge by edge to both ends', async () => {
    const selections = {
      claims: 'id claimant { name } evidence { selector { exact } source { title } }',
      events: 'id title claims { id text evidence { selector { exact } } }',
    };
    type Page = { page: { edges: Array<{ cursor: string; node: { id: string } }> } };
    for (const [root, selection] of Object.entries(selections)) {
      const query = `query($first: Int, $after: String, $last: Int, $before: String) {
        page: ${root}(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { ${selection} } } }
      }`;
      const pageOf = async (variables: Record<string, unknown>, viewer: Viewer) =>
        ((await expectSame(query, variables, viewer, true)) as Page).page.edges;
      for (const [, viewer] of CALLERS) {
        const whole = (await pageOf({ first: 100 }, viewer)).map((edge) => edge.node.id);
        expect(whole.length).toBeGreaterThan(7);
        const forwards: string[] = [];
        let edges: Page['page']['edges'];
        let after: string | null = null;
        do {
          edges = await pageOf({ first: 5, after }, viewer);
          forwards.push(...edges.map((edge) => edge.node.id));
          after = edges.at(-1)?.cursor ?? null;
        } while (edges.length === 5);
        expect(forwards).toEqual(whole);
        const backwards: string[][] = [];
        let before: string | null = null;
        do {
          edges = await pageOf({ last: 5, before }, viewer);
          backwards.unshift(edges.map((edge) => edge.node.id));
          before = edges[0]?.cursor ?? null;
        } while (edges.length === 5);
        expect(backwards.flat()).toEqual(whole);
      }
    }
  });

  it("gives each edge the cursor clients already hold: its record's creation time and id, as JSON in base64url", async () => {
    const query = `{ claims(first: 5) { edges { cursor node { id createdAt } } pageInfo { startCursor endCursor } } }`;
    type Page = { claims: { edges: Array<{ cursor: string; node: { id: string; createdAt: string } }>; pageInfo: Record<string, string> } };
    for (const passthrough of [true, false]) {
      const { claims } = (JSON.parse((await write(query, {}, viewers.anonymous, passthrough)).text) as { data: Page }).data;
      expect(claims.edges).toHaveLength(5);
      for (const { cursor, node } of claims.edges) {
        expect(cursor).toBe(Buffer.from(JSON.stringify([node.createdAt, node.id])).toString('base64url'));
      }
      expect(claims.pageInfo).toEqual({ startCursor: claims.edges[0]!.cursor, endCursor: claims.edges[4]!.cursor });
    }
  });

  it('writes what the seed lacks as the ordinary path does: scripts, escapes, tombstones, nulls and small numbers', async () => {
    const query = `{ claims(first: 5, includeDeleted: true) { edges { node { id text claimantLabel credibility checkWorthiness deletedAt deleteReason evidence { id } } } } }`;
    const staff = (await expectSame(query, {}, viewers.admin, true)) as { claims: { edges: Array<{ node: Record<string, unknown> }> } };
    const nodes = staff.claims.edges.map((edge) => edge.node);
    expect(nodes.some((node) => String(node.text).includes('\u{1F600}'))).toBe(true);
    expect(nodes.some((node) => node.checkWorthiness === 1e-7)).toBe(true);
    expect(nodes.some((node) => node.deletedAt !== null && node.deleteReason === 'a duplicate')).toBe(true);
    // The deleted claim is left out for those who may not see it, and for staff who did not ask for deleted ones.
    for (const viewer of [viewers.anonymous, viewers.client]) {
      const page = (await expectSame(query, {}, viewer, true)) as typeof staff;
      expect(page.claims.edges.every((edge) => edge.node.deletedAt === null)).toBe(true);
    }
  });

  const leavesOf = (typeName: string) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    return Object.values(type.getFields())
      .filter((field) => isLeafType(getNamedType(field.type)) && field.args.length === 0)
      .map((field) => field.name);
  };

  it('passes through claimants, evidence, selectors and sources, tombstones and verified words included, for every caller', async () => {
    const query = `query($first: Int, $after: String) { claims(first: $first, after: $after, includeDeleted: true) {
      edges { cursor node { id text claimant { __typename id name } evidence { __typename selector { __typename exact prefix suffix start end } source { id title } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const seen = { tombstone: false, verified: false };
    for (const [, viewer] of CALLERS) {
      let after: string | null = null;
      let more = true;
      while (more) {
        type Page = {
          claims: {
            edges: Array<{ node: { claimant: { name: string } | null; evidence: Array<{ selector: { exact: string } }> } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
        const page = (await expectSame(query, { first: 40, after }, viewer, true)) as Page;
        for (const { node } of page.claims.edges) {
          if (node.claimant?.name === 'deleted') seen.tombstone = true;
          if (node.evidence.some((quote) => quote.selector.exact.startsWith('слова'))) seen.verified = true;
        }
        ({ hasNextPage: more, endCursor: after } = page.claims.pageInfo);
      }
    }
    // The comparison covered a tombstone and verified words, not only records as they stand.
    expect(seen).toEqual({ tombstone: true, verified: true });
  });

  it('answers every field of claimants, evidence and sources as the ordinary path does, passed through or not', async () => {
    const claims = (node: string) => `{ claims(first: 100) { edges { node { id ${node} } } } }`;
    const events = (node: string) => `{ events(first: 100, includeDeleted: true) { edges { node { id ${node} evidence { id } } } } }`;
    const nested: Array<[string, (leaf: string) => string]> = [
      ['Entity', (leaf) => claims(`claimant { id ${leaf} }`)],
      ['Evidence', (leaf) => claims(`evidence { id ${leaf} }`)],
      ['Source', (leaf) => claims(`evidence { source { id ${leaf} } }`)],
      ['TextSelector', (leaf) => claims(`evidence { selector { ${leaf} } }`)],
      ['Event', (leaf) => events(leaf)],
      ['Claim', (leaf) => events(`claims { id ${leaf} }`)],
      ['Evidence', (leaf) => events(`evidence { id ${leaf} }`)],
    ];
    const passed: string[] = [];
    for (const [typeName, ask] of nested) {
      for (const leaf of leavesOf(typeName)) {
        const query = ask(leaf);
        for (const [, viewer] of CALLERS) {
          const written = await write(query, {}, viewer, true);
          await expectSame(query, {}, viewer, written.passedThrough);
          if (viewer === viewers.anonymous && written.passedThrough) passed.push(`${typeName}.${leaf}`);
        }
      }
    }
    // Column fields with no resolver of their own pass through; the rest go the ordinary way.
    expect(passed).toEqual(
      expect.arrayContaining([
        'Entity.name',
        'Entity.deletedAt',
        'Source.title',
        'Evidence.version',
        'TextSelector.exact',
        'TextSelector.end',
      ]),
    );
    expect(passed).not.toContain('Evidence.anchorStatus');
  });

  it('passes through events, their claims those who ask may see, and their evidence, for every caller', async () => {
    // A draft and a deleted claim about the newest published event: only staff see the draft, nobody the deleted one.
    const [{ id: eventId }] = await db.dataSource.query(
      `SELECT id FROM events WHERE status = 'VERIFIED' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    const claims = await db.dataSource.query(
      `SELECT id FROM claims WHERE status = 'VERIFIED' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 2`,
    );
    await db.dataSource.query(`UPDATE claims SET status = 'DRAFT' WHERE id = $1`, [claims[0].id]);
    await db.dataSource.query(`UPDATE claims SET deleted_at = now() WHERE id = $1`, [claims[1].id]);
    await db.dataSource.query(`INSERT INTO claim_events (claim_id, event_id) VALUES ($1, $3), ($2, $3) ON CONFLICT DO NOTHING`, [
      claims[0].id,
      claims[1].id,
      eventId,
    ]);
    const query = `query($first: Int, $after: String) { events(first: $first, after: $after) {
      edges { cursor node { id title claims { id text evidence { selector { exact } source { title } } } evidence { id selector { start } } } }
      pageInfo { hasNextPage endCursor } } }`;
    const counts: number[] = [];
    type Page = { events: { edges: Array<{ node: { id: string; claims: Array<{ id: string }> } }>; pageInfo: { endCursor: string } } };
    for (const [, viewer] of CALLERS) {
      const first = (await expectSame(query, { first: 20 }, viewer, true)) as Page;
      counts.push(first.events.edges.find((edge) => edge.node.id === eventId)!.node.claims.length);
      await expectSame(query, { first: 20, after: first.events.pageInfo.endCursor }, viewer, true);
    }
    // Anonymous callers and client apps see neither; staff see the draft.
    expect(counts[0]).toBe(counts[1]);
    expect(counts[2]).toBe(counts[0]! + 1);
  });

  it('writes search hits of every kind as the ordinary path does, for every caller, paging both ways', async () => {
    const claimFields = CLAIM_COLUMNS.split(' ');
    const query = `query($query: String!, $types: [SearchType!], $first: Int, $after: String, $last: Int, $before: String) {
      search(query: $query, types: $types, first: $first, after: $after, last: $last, before: $before) {
        __typename edges { __typename cursor node { __typename type score snippet
          record { __typename ... on Claim { id ${claimFields.join(' ')} } ... on Event { id title createdAt } ... on Entity { id name } ... on Source { title id } } } }
        pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const kinds = new Set<string>();
    type Page = {
      search: {
        edges: Array<{ node: { type: string } }>;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
      };
    };
    for (const [, viewer] of CALLERS) {
      for (const words of ['Russia', 'Myanmar Russia', 'Putin']) {
        let page = (await expectSame(query, { query: words, first: 4 }, viewer, true)) as Page;
        page.search.edges.forEach((edge) => kinds.add(edge.node.type));
        while (page.search.pageInfo.hasNextPage) {
          page = (await expectSame(query, { query: words, first: 4, after: page.search.pageInfo.endCursor }, viewer, true)) as Page;
          page.search.edges.forEach((edge) => kinds.add(edge.node.type));
        }
        page = (await expectSame(query, { query: words, last: 5 }, viewer, true)) as Page;
        while (page.search.pageInfo.hasPreviousPage)
          page = (await expectSame(query, { query: words, last: 5, before: page.search.pageInfo.startCursor }, viewer, true)) as Page;
      }
      await expectSame(query, { query: 'Russia', types: ['CLAIM'], first: 10 }, viewer, true);
      // Only the records' types asked about: the others read as empty objects.
      await expectSame(`{ search(query: "Russia") { edges { node { type record { ... on Claim { text } } } } } }`, {}, viewer, true);
      await expectSame(`{ search(query: "Russia") { edges { cursor node { score } } } }`, {}, viewer, true);
    }
    // The seed's one source is deleted above, so no source is found.
    expect([...kinds].sort()).toEqual(['CLAIM', 'ENTITY', 'EVENT']);
    const ordinaryOnly = [
      `{ search(query: "Russia") { edges { node { record { ... on Claim { retracted } } } } } }`,
      `{ search(query: "Russia") { edges { node { record { ...claim } } } } } fragment claim on Claim { id }`,
      `{ search(query: "Russia") { edges { node { record { ... on Event { evidence { id } } } } } } }`,
      `{ search(query: "Russia") { edges { node { score @include(if: true) } } } }`,
    ];
    for (const ordinary of ordinaryOnly) await expectSame(ordinary, {}, viewers.anonymous, false);
    // Refused as before: no words, too many.
    await expectSame(`{ search(query: "  ") { edges { cursor } } }`, {}, viewers.anonymous, false);
    await expectSame(`{ search(query: "Russia", first: 101) { edges { cursor } } }`, {}, viewers.anonymous, false);
    await expectSame(`{ search(query: "Russia", after: "nope") { edges { cursor } } }`, {}, viewers.anonymous, false);
  });

  it('goes the ordinary way for a selection or arguments it does not know, and answers as before', async () => {
    const ordinaryOnly = [
      `{ claims(first: 5) { edges { node { id retracted } } } }`,
      `{ claims(first: 5) { edges { node { id claimantName } } } }`,
      `{ claims(first: 5) { edges { node { id evidence { anchorStatus } } } } }`,
      `{ claims(first: 5) { edges { node { id claimant { wikidataId } } } } }`,
      `{ claims(first: 5) { edges { node { ...on Claim { id } } } } }`,
      `query($skip: Boolean!) { claims(first: 5) { edges { node { id text @skip(if: $skip) } } } }`,
      `{ claims(first: 5, filter: { status: [VERIFIED] }) { edges { node { id } } } }`,
      `{ claims(first: 5, ranking: CHECK_WORTHINESS) { edges { node { id } } } }`,
      `{ claims(first: 5) { edges { node { id } } } entities(first: 2) { edges { node { id } } } }`,
      `{ events(first: 5) { edges { node { id start { date } } } } }`,
      `{ events(first: 5, filter: { status: [VERIFIED] }) { edges { node { id } } } }`,
      `{ claims(first: 5) { edges { node { id } } } __typename }`,
    ];
    for (const query of ordinaryOnly) {
      for (const [, viewer] of CALLERS) await expectSame(query, { skip: false }, viewer, false);
    }
  });

  it('refuses what the ordinary path refuses, with the same errors', async () => {
    const query = `query($after: String, $first: Int) { claims(first: $first, after: $after) { edges { node { id } } } }`;
    await expectSame(query, { after: 'not-a-cursor', first: 5 }, viewers.anonymous, false);
    await expectSame(query, { first: 1000 }, viewers.anonymous, false);
    await expectSame(`{ claims(first: 5, last: 5) { edges { node { id } } } }`, {}, viewers.anonymous, false);
  });

  it("answers a published event's label participants as the ordinary path does, for every caller", async () => {
    const [{ id }] = await db.dataSource.query(
      `SELECT id FROM events WHERE status = 'VERIFIED' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    await db.dataSource.query(`INSERT INTO event_participants (event_id, label, role) VALUES ($1, $2, 'PARTICIPANT')`, [
      id,
      'a "harbour" master \u{1F600}',
    ]);
    const query = `{ events(first: 100, includeDeleted: true) { edges { node { id title participants { role label entity { id name } } } } } }`;
    for (const [, viewer] of CALLERS) {
      const { events } = (await expectSame(query, {}, viewer, false)) as {
        events: { edges: Array<{ node: { id: string; participants: Array<{ label: string | null; entity: unknown }> } }> };
      };
      const event = events.edges.find((edge) => edge.node.id === id)!.node;
      expect(event.participants).toContainEqual({ role: 'PARTICIPANT', label: 'a "harbour" master \u{1F600}', entity: null });
    }
    // A page asking only an event's own columns still passes through with label participants stored.
    await expectSame(`{ events(first: 100) { edges { node { id title status } } } }`, {}, viewers.anonymous, true);
  });

  it('answers over HTTP as the server with passthrough off does', async () => {
    const on = await startTestServer(db, { PUBLIC_CACHE: 'false' });
    const off = await startTestServer(db, { PUBLIC_CACHE: 'false', GRAPHQL_PASSTHROUGH: 'false' });
    try {
      const query = `{ claims(first: 30) { totalCount edges { cursor node { id text createdAt status claimant { name } } } pageInfo { endCursor hasNextPage } } }`;
      const [passed, ordinary] = await Promise.all([on.post({ query }), off.post({ query })]);
      expect(passed.status).toBe(200);
      expect(JSON.stringify(passed.body)).toBe(JSON.stringify(ordinary.body));
      expect(passed.body.data.claims.edges.length).toBe(30);
      // A body Express reads (compressed, here) is answered through Apollo's own integration, with no marker left in.
      const compressed = await fetch(`${on.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ query })),
      });
      expect(JSON.stringify(await compressed.json())).toBe(JSON.stringify(ordinary.body));
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });

  /** An HTTP answer as the client receives it: status, the exact text, and the headers that do not differ by nature. */
  async function send(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const kept = [...response.headers].filter(([name]) => !['date', 'x-request-id', 'set-cookie'].includes(name));
    return { status: response.status, text, headers: kept };
  }
  type Sent = Awaited<ReturnType<typeof send>>;

  /**
   * What must hold between the fast path's answer, Apollo's to the same request on the same server, and the answer of
   * a server with passthrough off: the first two byte for byte, headers included; the last once parsed and written
   * again (PostgreSQL writes `"key" : value`), with the same status and headers but the length.
   */
  async function expectAnswersAlike(
    on: TestServer,
    off: TestServer,
    body: unknown,
    headers: Record<string, string> = {},
    throughApollo?: () => void,
  ): Promise<Sent> {
    const apollo = vi.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    const fast = await send(on, body, headers).finally(() => {
      if (apollo.mock.calls.length > 0) throughApollo?.();
      apollo.mockRestore();
    });
    const refused = vi.spyOn(PlainDocuments.prototype, 'answer').mockResolvedValue(null);
    const apolloAnswer = await send(on, body, headers).finally(() => refused.mockRestore());
    // With passthrough off (GRAPHQL_PASSTHROUGH=false), every request goes through Apollo.
    const offApollo = vi.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    let offCalls = 0;
    const ordinary = await send(off, body, headers).finally(() => {
      offCalls = offApollo.mock.calls.length;
      offApollo.mockRestore();
    });
    expect(offCalls).toBe(1);
    expect({ body, ...fast }).toEqual({ body, ...apolloAnswer });
    const alike = ({ status, text, headers: kept }: Sent) => ({
      status,
      text: text ? JSON.stringify(JSON.parse(text)) : text,
      headers: kept.filter(([name]) => name !== 'content-length'),
    });
    expect({ body, ...alike(fast) }).toEqual({ body, ...alike(ordinary) });
    return fast;
  }

  /** Servers with the fast path (`on`) and without passthrough (`off`), and headers of every kind of caller. */
  async function twoServers(env: Record<string, string> = { PUBLIC_CACHE: 'false' }) {
    const on = await startTestServer(db, env);
    const off = await startTestServer(db, { ...env, GRAPHQL_PASSTHROUGH: 'false' });
    const adminCookie = await signIn(on, await createUser(db.dataSource, [Role.ADMIN], `admin-${Math.random()}`));
    const editorCookie = await signIn(on, await createEditor(db.dataSource));
    const created = await send(
      on,
      { query: `mutation { createApiKey(input: { name: "Fast path" }) { key apiKey { id version } } }` },
      { cookie: adminCookie },
    );
    const { key, apiKey } = JSON.parse(created.text).data.createApiKey;
    const callers: Record<string, Record<string, string>> = {
      anonymous: {},
      'client key': { authorization: `Bearer ${key}` },
      editor: { cookie: editorCookie },
      admin: { cookie: adminCookie },
    };
    return { on, off, callers, adminCookie, apiKey: apiKey as { id: string; version: number } };
  }

  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $deleted: Boolean) {
    claims(first: $first, after: $after, last: $last, before: $before, includeDeleted: $deleted) {
      totalCount edges { cursor node { id text createdAt status claimant { name } evidence { selector { exact } source { title } } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

  it("answers a plain document's repeats without Apollo, byte for byte as Apollo does, for every caller, paging both ways", async () => {
    const { on, off, callers } = await twoServers();
    try {
      let throughApollo = 0;
      let requests = 0;
      const same = async (variables: Record<string, unknown>, headers: Record<string, string>) => {
        const fast = await expectAnswersAlike(on, off, { query: PAGE, variables }, headers, () => throughApollo++);
        requests++;
        expect(fast.status).toBe(200);
        return JSON.parse(fast.text).data.claims as { edges: unknown[]; pageInfo: Record<string, string & boolean> };
      };
      for (const headers of Object.values(callers)) {
        for (const deleted of [false, true]) {
          let page = await same({ first: 9, deleted }, headers);
          while (page.pageInfo.hasNextPage) page = await same({ first: 9, after: page.pageInfo.endCursor, deleted }, headers);
          page = await same({ last: 9, deleted }, headers);
          while (page.pageInfo.hasPreviousPage) page = await same({ last: 9, before: page.pageInfo.startCursor, deleted }, headers);
          expect(page.edges.length).toBeGreaterThan(0);
        }
      }
      // Only the document's first request went through Apollo; every other was answered from its plan.
      expect(requests).toBeGreaterThan(20);
      expect(throughApollo).toBe(1);
      // The bench's flat page and search, whose records Node writes from their columns.
      const flat = `query($after: String) { claims(first: 25, after: $after) { edges { cursor node { id text attribution modality credibility status createdAt } } pageInfo { hasNextPage endCursor } } }`;
      const search = `query($words: String!) { search(query: $words, types: [CLAIM], first: 10) { edges { node { type score snippet record { ... on Claim { id text } } } } } }`;
      throughApollo = 0;
      for (const headers of Object.values(callers)) {
        const first = await expectAnswersAlike(on, off, { query: flat, variables: {} }, headers, () => throughApollo++);
        const after = JSON.parse(first.text).data.claims.pageInfo.endCursor;
        await expectAnswersAlike(on, off, { query: flat, variables: { after } }, headers, () => throughApollo++);
        await expectAnswersAlike(on, off, { query: search, variables: { words: 'Russia Myanmar' } }, headers, () => throughApollo++);
      }
      expect(throughApollo).toBe(2);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });

  it('leaves to Apollo what a known document does not answer plainly, which answers or refuses it as before', async () => {
    const { on, off, callers } = await twoServers();
    try {
      const named = `query Page($first: Int) { claims(first: $first) { edges { node { id claimant { name } } } } } query Other { claims { totalCount } }`;
      for (const headers of Object.values(callers)) {
        await send(on, { query: PAGE, variables: { first: 3 } }, headers);
        await send(on, { query: named, operationName: 'Page', variables: { first: 3 } }, headers);
      }
      // Variables nested deeper than the limit (runnableRequest refuses them), though no variable of the document takes them.
      const deepList = Array.from({ length: 70 }).reduce<unknown[]>((inner) => [inner], []);
      const cases: Array<[unknown, Record<string, string>]> = [
        [{ query: PAGE, variables: { after: 'not-a-cursor' } }, {}],
        [{ query: PAGE, variables: { first: 1000 } }, {}],
        [{ query: PAGE, variables: { first: 5, last: 5 } }, {}],
        [{ query: PAGE, variables: { first: 'five' } }, {}],
        [{ query: PAGE, variables: { first: 3, deleted: 'yes' } }, {}],
        [{ query: PAGE, variables: { first: 3, nested: deepList } }, {}],
        [{ query: PAGE, variables: { first: 3, note: 'a\u0000b' } }, {}],
        [{ query: PAGE, variables: { first: 3 }, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, {}],
        [{ query: named, variables: { first: 3 } }, {}],
        [{ query: named, operationName: 'Missing', variables: { first: 3 } }, {}],
        [{ query: named, operationName: 'Page', variables: { first: 3 } }, { 'idempotency-key': 'fast-path-1' }],
        [{ query: named, operationName: 'Page', variables: { first: 3 } }, { accept: 'application/graphql-response+json' }],
        [{ query: named, operationName: 'Page', variables: { first: 3 } }, { accept: 'text/html' }],
        [{ query: PAGE, variables: { first: 3 } }, { authorization: 'Bearer pk_not_a_key' }],
        [{ query: PAGE, variables: { first: 3 } }, { cookie: 'ps_session=forged' }],
      ];
      for (const [body, headers] of cases) await expectAnswersAlike(on, off, body, headers);
      // The named operation is known plain: asked again, it is answered without Apollo.
      let throughApollo = false;
      await expectAnswersAlike(on, off, { query: named, operationName: 'Page', variables: { first: 3 } }, {}, () => (throughApollo = true));
      expect(throughApollo).toBe(false);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });

  it("never serves a document's plan to a caller of another role, nor to a revoked key", async () => {
    const { on, off, callers, adminCookie, apiKey } = await twoServers();
    try {
      const variables = { first: 100, deleted: true };
      const staff = await send(on, { query: PAGE, variables }, callers.admin);
      // Staff see drafts and deleted claims; the same document's plan, asked by anyone else, shows neither.
      const statuses = new Set(JSON.parse(staff.text).data.claims.edges.map((edge: { node: { status: string } }) => edge.node.status));
      expect(statuses.has('DRAFT') || statuses.has('PROPOSED') || statuses.has('IN_REVIEW')).toBe(true);
      for (const headers of [callers.anonymous, callers['client key'], callers.editor, callers.admin]) {
        await expectAnswersAlike(on, off, { query: PAGE, variables }, headers);
      }
      const client = await send(on, { query: PAGE, variables }, callers['client key']);
      expect(client.text).not.toBe(staff.text);
      await send(
        on,
        {
          query: `mutation($input: DeleteInput!) { revokeApiKey(input: $input) { revokedAt } }`,
          variables: { input: { id: apiKey.id, expectedVersion: apiKey.version, reason: 'Leaked' } },
        },
        { cookie: adminCookie },
      );
      const revoked = await send(on, { query: PAGE, variables }, callers['client key']);
      expect(revoked.status).toBe(401);
      await expectAnswersAlike(on, off, { query: PAGE, variables }, callers['client key']);
      // A session whose user was disabled since the plan was learned is answered as the user now is.
      const [{ user_id: adminId }] = await db.owner.query(
        `SELECT id AS user_id FROM users WHERE 'ADMIN' = ANY(roles) ORDER BY created_at DESC LIMIT 1`,
      );
      await db.owner.query(`UPDATE users SET disabled = true WHERE id = $1`, [adminId]);
      const disabled = await expectAnswersAlike(on, off, { query: PAGE, variables }, callers.admin);
      expect(disabled.text).not.toBe(staff.text);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });

  it('keeps for the public cache what the fast path answers the public, and hands it back', async () => {
    const { on, off, callers } = await twoServers({});
    try {
      const body = { query: PAGE, variables: { first: 4 } };
      // Learned through an editor's request, which the cache does not keep: the anonymous one below is the fast path's.
      await send(on, body, callers.editor);
      const first = await send(on, body);
      const again = await send(on, body);
      expect(first.headers).toContainEqual(['x-cache', 'MISS']);
      expect(again.headers).toContainEqual(['x-cache', 'HIT']);
      expect(again.text).toBe(first.text);
      expect(JSON.parse(first.text)).toEqual(JSON.parse((await send(off, body)).text));
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });
});
