import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { dataOf, graphqlClient } from './support/graphql.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const TEXT =
  'Grigory Ivanov of Northwind Fuel told reporters in Port Aurel on Monday, in a statement he read out twice, that the tanker had sailed.';

/** Words only the deleted records hold: none of them may reach anyone but staff, on any path. */
const SECRETS = [
  'Grigory Ivanov',
  'Northwind Fuel',
  'Port Aurel',
  'Harbour Authority',
  'Wire Desk Daily',
  'https://wire.example/tanker',
  'Tanker sails',
  'told reporters',
];

const CLAIM_QUERY = `query($id: ID!) { claim(id: $id) {
  claimant { id name kind aliases description wikidataId deletedAt }
  claimantName
  entities { id name deletedAt }
  evidence {
    selector { exact prefix suffix }
    source { id title url publisher deletedAt revisions { number } currentRevision { text } }
    sourceRevision { number sha256 text blocks { start end } source { id title deletedAt } }
    context(chars: 40) { before exact after }
  }
} }`;
const EVENT_QUERY = `query($id: ID!) { event(id: $id) {
  place { id name deletedAt }
  participants { role entity { id name deletedAt } }
  evidence { source { title } }
} }`;

describe('deleted records behind a public one read as tombstones', () => {
  let db: TestDatabase;
  let server: TestServer;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let staffCookie: string;
  const ids: Record<string, string> = {};

  const create = async (mutation: string, input: Record<string, unknown>) => {
    const result = dataOf(
      await gql<any>(
        `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input },
        editor.viewer,
      ),
    );
    return result[mutation].id as string;
  };
  const publish = async (id: string, kind: 'Claim' | 'Event') => {
    const version = async () =>
      dataOf(await gql<any>(`query($id: ID!) { ${kind.toLowerCase()}(id: $id) { version } }`, { id }, editor.viewer))[kind.toLowerCase()]
        .version;
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { submitForReview(input: { id: $id, expectedVersion: $v }) { __typename } }`,
        { id, v: await version() },
        editor.viewer,
      ),
    );
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { review(input: { id: $id, expectedVersion: $v, decision: VERIFY, comment: "ok" }) { __typename } }`,
        { id, v: await version() },
        reviewer.viewer,
      ),
    );
  };
  const remove = async (kind: 'Entity' | 'Source', id: string) => {
    const { [kind.toLowerCase()]: record } = dataOf(
      await gql<any>(`query($id: ID!) { ${kind.toLowerCase()}(id: $id) { version } }`, { id }, editor.viewer),
    );
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { delete${kind}(input: { id: $id, expectedVersion: $v, reason: "Takedown request" }) { id } }`,
        { id, v: record.version },
        editor.viewer,
      ),
    );
  };
  /** Over HTTP twice: graphql-js runs an operation the first time, its compiled form the second. */
  const readTwice = async (query: string, id: string, headers: Record<string, string> = {}) => {
    const answers = [];
    for (let run = 0; run < 2; run++) {
      const { status, body } = await server.post({ query, variables: { id } }, headers);
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body.errors).toBeUndefined();
      answers.push(body.data);
    }
    expect(answers[1]).toEqual(answers[0]);
    return answers[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    server = await startTestServer(db);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    staffCookie = await signIn(server, editor);
    await db.owner.query(`INSERT INTO event_types (id, code, label) VALUES (gen_random_uuid(), 'MEETING', 'Meeting')`);

    ids.source = await create('createSource', {
      title: 'Tanker sails',
      text: TEXT,
      url: 'https://wire.example/tanker',
      publisher: 'Wire Desk Daily',
      language: 'en',
      kind: 'NEWS_ARTICLE',
    });
    ids.person = await create('createEntity', { name: 'Grigory Ivanov', kind: 'PERSON', aliases: ['G. Ivanov'], description: 'Spokesman' });
    ids.company = await create('createEntity', { name: 'Northwind Fuel', kind: 'ORGANIZATION' });
    ids.port = await create('createEntity', { name: 'Port Aurel', kind: 'PLACE' });
    ids.authority = await create('createEntity', { name: 'Harbour Authority', kind: 'ORGANIZATION' });
    ids.claim = await create('createClaim', {
      text: 'The tanker has sailed.',
      claimantId: ids.person,
      attribution: 'REPORTED_SPEECH',
      modality: 'ASSERTED',
      entityIds: [ids.company],
      evidence: [{ sourceId: ids.source, selector: { exact: 'the tanker had sailed' } }],
    });
    ids.event = await create('createEvent', {
      title: 'Tanker departure',
      type: 'MEETING',
      modality: 'OCCURRED',
      placeId: ids.port,
      participants: [{ entityId: ids.authority, role: 'HOST' }],
      evidence: [{ sourceId: ids.source, selector: { exact: 'the tanker had sailed' } }],
    });
    await publish(ids.claim, 'Claim');
    await publish(ids.event, 'Event');
    for (const kind of ['person', 'company', 'port', 'authority'] as const) await remove('Entity', ids[kind]!);
    await remove('Source', ids.source);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('shows anonymous callers a claim whose claimant, entities and source are deleted, each as a tombstone: its id, "deleted", no content', async () => {
    const { claim } = await readTwice(CLAIM_QUERY, ids.claim!);
    expect(claim.claimant).toEqual({
      id: ids.person,
      name: 'deleted',
      kind: 'OTHER',
      aliases: [],
      description: null,
      wikidataId: null,
      deletedAt: expect.any(String),
    });
    expect(claim.claimantName).toBe('deleted');
    expect(claim.entities).toEqual([{ id: ids.company, name: 'deleted', deletedAt: expect.any(String) }]);
    const [evidence] = claim.evidence;
    // The quote is the claim's own: it stays, while the deleted source's text and description do not.
    expect(evidence.selector.exact).toBe('the tanker had sailed');
    expect(evidence.source).toEqual({
      id: ids.source,
      title: 'deleted',
      url: null,
      publisher: null,
      deletedAt: expect.any(String),
      revisions: [],
      currentRevision: { text: '' },
    });
    expect(evidence.sourceRevision).toMatchObject({ number: 1, text: '', source: { id: ids.source, title: 'deleted' } });
    for (const block of evidence.sourceRevision.blocks) expect(block.end).toBe(0);
    expect(evidence.sourceRevision.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Context reads no further into the withheld text than the selector's own prefix and suffix, which are the evidence's.
    expect(evidence.context).toEqual({ before: evidence.selector.prefix, exact: 'the tanker had sailed', after: evidence.selector.suffix });
    for (const secret of SECRETS) expect(JSON.stringify(claim)).not.toContain(secret);
  });

  it('reads the same through a page of claims, a page of events and search, however little is asked of the deleted record', async () => {
    const page = async (query: string) => {
      const answers = [];
      for (let run = 0; run < 2; run++) answers.push((await server.post({ query })).body);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0].errors).toBeUndefined();
      return answers[0].data;
    };
    const { claims } = await page(
      `{ claims(first: 10) { edges { node { claimant { name } claimantName evidence { source { title url } } } } } }`,
    );
    expect(claims.edges.map((edge: any) => edge.node)).toEqual([
      { claimant: { name: 'deleted' }, claimantName: 'deleted', evidence: [{ source: { title: 'deleted', url: null } }] },
    ]);
    const { events } = await page(
      `{ events(first: 10) { edges { node { place { name } participants { entity { name } } claims { claimant { name } } evidence { source { title } } } } } }`,
    );
    expect(events.edges.map((edge: any) => edge.node)).toEqual([
      {
        place: { name: 'deleted' },
        participants: [{ entity: { name: 'deleted' } }],
        claims: [],
        evidence: [{ source: { title: 'deleted' } }],
      },
    ]);
    const { search } = await page(
      `{ search(query: "tanker") { edges { node { record { ... on Claim { claimant { name } } ... on Event { place { name } } } } } } }`,
    );
    expect(search.edges.length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(JSON.stringify([claims, events, search])).not.toContain(secret);
  });

  it("shows an event's deleted place and participants as tombstones", async () => {
    const { event } = await readTwice(EVENT_QUERY, ids.event!);
    expect(event.place).toEqual({ id: ids.port, name: 'deleted', deletedAt: expect.any(String) });
    expect(event.participants).toEqual([{ role: 'HOST', entity: { id: ids.authority, name: 'deleted', deletedAt: expect.any(String) } }]);
    expect(event.evidence).toEqual([{ source: { title: 'deleted' } }]);
  });

  it('shows staff the deleted records as they are, to restore them', async () => {
    const { claim } = await readTwice(CLAIM_QUERY, ids.claim!, { cookie: staffCookie });
    expect(claim.claimant).toMatchObject({ name: 'Grigory Ivanov', aliases: ['G. Ivanov'], deletedAt: expect.any(String) });
    expect(claim.entities).toEqual([{ id: ids.company, name: 'Northwind Fuel', deletedAt: expect.any(String) }]);
    expect(claim.evidence[0].source).toMatchObject({
      title: 'Tanker sails',
      url: 'https://wire.example/tanker',
      currentRevision: { text: TEXT },
    });
    expect(claim.evidence[0].sourceRevision.text).toBe(TEXT);
    const { event } = await readTwice(EVENT_QUERY, ids.event!, { cookie: staffCookie });
    expect(event.place.name).toBe('Port Aurel');
  });

  it('keeps the deleted records out of every export for the public, and in them for staff', async () => {
    for (const file of ['claims.csv', 'evidence.jsonld', 'provenance.jsonld', 'claim-reviews.jsonld']) {
      const open = await fetch(`${server.url}/exports/${file}`);
      expect(open.status).toBe(200);
      const text = await open.text();
      expect(text, file).toContain(ids.claim);
      for (const secret of SECRETS) expect(text, `${file} holds "${secret}"`).not.toContain(secret);
    }
    const csv = await (await fetch(`${server.url}/exports/claims.csv`)).text();
    expect(csv).toMatch(/,deleted,/);
    const forStaff = await (await fetch(`${server.url}/exports/claims.csv`, { headers: { cookie: staffCookie } })).text();
    expect(forStaff).toContain('Grigory Ivanov');
    expect(forStaff).toContain('https://wire.example/tanker');
  });
});
