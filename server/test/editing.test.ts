import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sliceCodePoints } from '../src/core/anchoring/text-quote.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { ClaimRecord } from '../src/modules/claims/claim.entity.js';
import { EventRecord } from '../src/modules/events/event.entity.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

const TEXT =
  'The minister said on Monday that the port “will open next year”. Critics said it will not.\n\nThe port will open next year, officials repeated.';

describe('editing', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let entityId: string;

  const revisionsOf = (recordId: string) => db.dataSource.manager.find(Revision, { where: { recordId }, order: { version: 'ASC' } });
  const asEditor = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const fieldsOf = (result: { errors?: readonly { originalError?: unknown }[] }) =>
    ((result.errors?.[0]?.originalError as { details?: { fields?: Array<{ field: string }> } })?.details?.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    const { entities } = dataOf(
      await asEditor<{ entities: { edges: Array<{ node: { id: string } }> } }>(`{ entities(first: 1) { edges { node { id } } } }`),
    );
    entityId = entities.edges[0]!.node.id;
  });
  afterAll(() => db.drop());

  it('creates a source with its first text snapshot, and one CREATE revision naming the editor and the reason', async () => {
    const { createSource } = dataOf(
      await asEditor(
        `mutation($input: CreateSourceInput!) { createSource(input: $input) { id version title currentRevision { number text sha256 } } }`,
        {
          input: { title: 'Port statement', text: TEXT, language: 'en', kind: 'OFFICIAL_STATEMENT', reason: 'New statement' },
        },
      ),
    );
    expect(createSource).toMatchObject({ version: 1, title: 'Port statement', currentRevision: { number: 1, text: TEXT } });
    const [revision, ...rest] = await revisionsOf(createSource.id);
    expect(rest).toHaveLength(0);
    expect(revision).toMatchObject({
      operation: 'CREATE',
      version: 1,
      actor: `user:${editor.id}`,
      actorUserId: editor.id,
      reason: 'New statement',
      requestId: 'test',
    });
    expect(revision!.changes.title).toEqual({ before: null, after: 'Port statement' });
  });

  it('updates a record: version up, one UPDATE revision with per-field before and after and the state after', async () => {
    const { entity } = dataOf(await asEditor(`query($id: ID!) { entity(id: $id) { version name aliases } }`, { id: entityId }));
    const { updateEntity } = dataOf(
      await asEditor(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version name aliases description } }`, {
        input: {
          id: entityId,
          expectedVersion: entity.version,
          aliases: [...entity.aliases, 'A new alias'],
          reason: 'Alias seen in a new source',
        },
      }),
    );
    expect(updateEntity).toMatchObject({ version: entity.version + 1, name: entity.name, aliases: [...entity.aliases, 'A new alias'] });
    const last = (await revisionsOf(entityId)).at(-1)!;
    expect(last).toMatchObject({ operation: 'UPDATE', version: entity.version + 1, reason: 'Alias seen in a new source' });
    expect(last.changes).toEqual({ aliases: { before: entity.aliases, after: [...entity.aliases, 'A new alias'] } });
    expect(last.state).toMatchObject({ name: entity.name, aliases: [...entity.aliases, 'A new alias'] });
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, and writes nothing', async () => {
    const { entity } = dataOf(await asEditor(`query($id: ID!) { entity(id: $id) { version name } }`, { id: entityId }));
    const before = await revisionsOf(entityId);
    const stale = await asEditor(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`, {
      input: { id: entityId, expectedVersion: entity.version - 1, name: 'Overwritten' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect((stale.errors![0]!.originalError as unknown as { details: unknown }).details).toMatchObject({
      currentVersion: entity.version,
      expectedVersion: entity.version - 1,
    });
    expect(await revisionsOf(entityId)).toHaveLength(before.length);
    expect(dataOf(await asEditor(`query($id: ID!) { entity(id: $id) { version name } }`, { id: entityId }))).toEqual({ entity });
  });

  it('refuses bad fields with BAD_USER_INPUT naming each one, and writes nothing', async () => {
    const count = await db.dataSource.manager.count(Revision);
    const event = await asEditor(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
      input: {
        title: ' ',
        type: 'MEETING',
        modality: 'OCCURRED',
        start: { date: '2022-09-07', precision: 'MONTH' },
        participants: [
          { entityId, role: 'HOST' },
          { entityId, role: 'HOST' },
        ],
      },
    });
    expect(errorCodes(event)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(event).sort()).toEqual(['participants[1]', 'start', 'title']);
    const claim = await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
      input: {
        text: 'x',
        claimantId: entityId,
        claimantLabel: 'a source',
        attribution: 'DIRECT_QUOTE',
        modality: 'ASSERTED',
        credibility: 9,
      },
    });
    expect(fieldsOf(claim).sort()).toEqual(['claimantId', 'credibility']);
    const unknown = await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
      input: {
        text: 'x',
        claimantLabel: 'a source',
        attribution: 'DIRECT_QUOTE',
        modality: 'ASSERTED',
        eventIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(fieldsOf(unknown)).toEqual(['eventIds[0]']);
    const type = await asEditor(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
      input: { title: 'A picnic', type: 'PICNIC', modality: 'OCCURRED' },
    });
    expect(fieldsOf(type)).toEqual(['type']);
    expect(await db.dataSource.manager.count(Revision)).toBe(count);
  });

  it('creates a claim with its events, entities and links, anchors its evidence, and refuses a quote it cannot place', async () => {
    const { createSource } = dataOf(
      await asEditor(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
        input: { title: 'Port II', text: TEXT, language: 'en', kind: 'NEWS_ARTICLE' },
      }),
    );
    const { createClaim } = dataOf(
      await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id status claimantName entities { id } } }`, {
        input: {
          text: 'The port will open next year.',
          claimantLabel: 'the minister',
          attribution: 'DIRECT_QUOTE',
          modality: 'EXPECTED',
          entityIds: [entityId],
        },
      }),
    );
    expect(createClaim).toMatchObject({ status: 'DRAFT', claimantName: 'the minister', entities: [{ id: entityId }] });
    const ambiguous = await asEditor(`mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`, {
      input: { claimId: createClaim.id, sourceId: createSource.id, selector: { exact: 'will open next year' } },
    });
    expect(errorCodes(ambiguous)).toEqual(['BAD_USER_INPUT']);
    expect(ambiguous.errors![0]!.message).toMatch(/stands 2 times/);
    const { createEvidence } = dataOf(
      await asEditor(
        `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { anchorStatus selector { exact start end } sourceRevision { text } } }`,
        {
          input: { claimId: createClaim.id, sourceId: createSource.id, selector: { exact: 'will open next year', prefix: 'the port “' } },
        },
      ),
    );
    expect(createEvidence.anchorStatus).toBe('ANCHORED');
    expect(sliceCodePoints(createEvidence.sourceRevision.text, createEvidence.selector.start, createEvidence.selector.end)).toBe(
      'will open next year',
    );
    expect(createEvidence.selector.start).toBe(TEXT.indexOf('will open next year'));
    const byPosition = await asEditor(
      `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { selector { start prefix } } }`,
      {
        input: {
          claimId: createClaim.id,
          sourceId: createSource.id,
          selector: {
            exact: 'will open next year',
            start: TEXT.lastIndexOf('will open next year'),
            end: TEXT.lastIndexOf('will open next year') + 19,
          },
        },
      },
    );
    expect(dataOf(byPosition).createEvidence.selector.start).toBe(TEXT.lastIndexOf('will open next year'));
    const wrongPosition = await asEditor(`mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`, {
      input: { claimId: createClaim.id, sourceId: createSource.id, selector: { exact: 'will open next year', start: 0, end: 19 } },
    });
    expect(fieldsOf(wrongPosition)).toEqual(['selector.exact']);
    const { claim } = dataOf(
      await asEditor(`query($id: ID!) { claim(id: $id) { evidence { selector { exact } } } }`, { id: createClaim.id }),
    );
    expect(claim.evidence).toHaveLength(2);
  });

  it('creates a claim or an event together with its evidence in one transaction, or neither when a quote is not in the text', async () => {
    const { createSource } = dataOf(
      await asEditor(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
        input: { title: 'Port III', text: TEXT, language: 'en', kind: 'NEWS_ARTICLE' },
      }),
    );
    const start = TEXT.indexOf('Critics said');
    const selection = { sourceId: createSource.id, selector: { exact: 'Critics said it will not', start, end: start + 24 } };
    const { createClaim } = dataOf(
      await asEditor(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id evidence { anchorStatus selector { exact start } } } }`,
        {
          input: {
            text: 'Critics doubt the port opens next year.',
            claimantLabel: 'critics',
            attribution: 'REPORTED_SPEECH',
            modality: 'DENIED',
            evidence: [selection],
            reason: 'From the selection',
          },
        },
      ),
    );
    expect(createClaim.evidence).toEqual([{ anchorStatus: 'ANCHORED', selector: { exact: 'Critics said it will not', start } }]);
    const written = await revisionsOf(createClaim.id);
    expect(written.map((r) => r.operation)).toEqual(['CREATE']);

    const { createEvent } = dataOf(
      await asEditor(`mutation($input: CreateEventInput!) { createEvent(input: $input) { evidence { selector { exact } } } }`, {
        input: {
          title: 'Officials repeat the opening date',
          type: 'STATEMENT',
          modality: 'OCCURRED',
          evidence: [{ sourceId: createSource.id, selector: { exact: 'officials repeated' } }],
        },
      }),
    );
    expect(createEvent.evidence).toEqual([{ selector: { exact: 'officials repeated' } }]);

    const claimsBefore = await db.dataSource.query(`SELECT count(*)::int AS n FROM claims`);
    const revisionsBefore = await db.dataSource.query(`SELECT count(*)::int AS n FROM revisions`);
    const refused = await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
      input: {
        text: 'Never stored.',
        claimantLabel: 'critics',
        attribution: 'REPORTED_SPEECH',
        modality: 'ASSERTED',
        evidence: [selection, { sourceId: createSource.id, selector: { exact: 'words that are not there' } }],
      },
    });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused)).toEqual(['selector.exact']);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM claims`)).toEqual(claimsBefore);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM revisions`)).toEqual(revisionsBefore);
  });
  it('soft-deletes with a reason and restores, each a revision; deleted records leave lists', async () => {
    const { claims } = dataOf(await asEditor(`{ claims(first: 1) { totalCount edges { node { id version } } } }`));
    const { id, version } = claims.edges[0].node;
    const noReason = await asEditor(`mutation($input: DeleteInput!) { deleteClaim(input: $input) { id } }`, {
      input: { id, expectedVersion: version, reason: ' ' },
    });
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const { deleteClaim } = dataOf(
      await asEditor(`mutation($input: DeleteInput!) { deleteClaim(input: $input) { version deletedAt deleteReason } }`, {
        input: { id, expectedVersion: version, reason: 'Duplicate of another claim' },
      }),
    );
    expect(deleteClaim).toMatchObject({ version: version + 1, deleteReason: 'Duplicate of another claim' });
    expect(deleteClaim.deletedAt).not.toBeNull();
    const after = dataOf(await asEditor(`{ claims(first: 100) { totalCount edges { node { id } } } }`));
    expect(after.claims.totalCount).toBe(claims.totalCount - 1);
    expect(after.claims.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    const { restoreClaim } = dataOf(
      await asEditor(`mutation($input: RestoreInput!) { restoreClaim(input: $input) { version deletedAt } }`, {
        input: { id, expectedVersion: version + 1 },
      }),
    );
    expect(restoreClaim).toEqual({ version: version + 2, deletedAt: null });
    expect((await revisionsOf(id)).slice(-2).map((r) => r.operation)).toEqual(['DELETE', 'RESTORE']);
    expect(dataOf(await asEditor(`{ claims { totalCount } }`)).claims.totalCount).toBe(claims.totalCount);
  });

  it('threads annotations on a record and resolves them', async () => {
    const { createAnnotation: note } = dataOf(
      await gql<any>(
        `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id body motivation authorName resolved } }`,
        {
          input: {
            targetType: 'ENTITY',
            targetId: entityId,
            motivation: 'QUESTIONING',
            body: 'Is this the same person as in the 2013 report?',
          },
        },
        reviewer.viewer,
      ),
    );
    expect(note).toMatchObject({ motivation: 'QUESTIONING', authorName: 'reviewer', resolved: false });
    const reply = dataOf(
      await asEditor(`mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { parentId } }`, {
        input: { targetType: 'ENTITY', targetId: entityId, motivation: 'COMMENTING', body: 'Yes: same Wikidata item.', parentId: note.id },
      }),
    );
    expect(reply.createAnnotation.parentId).toBe(note.id);
    const { updateAnnotation } = dataOf(
      await asEditor(`mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { resolved version } }`, {
        input: { id: note.id, expectedVersion: 1, resolved: true },
      }),
    );
    expect(updateAnnotation).toEqual({ resolved: true, version: 2 });
    const { annotations } = dataOf(
      await asEditor(`query($id: ID!) { annotations(targetType: ENTITY, targetId: $id) { totalCount edges { node { body parentId } } } }`, {
        id: entityId,
      }),
    );
    expect(annotations.edges).toHaveLength(2);
    expect(annotations.totalCount).toBe(2);
  });

  it('lists threads across every record, open or resolved, with their reply counts, for staff only', async () => {
    const open = dataOf(
      await asEditor(`mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`, {
        input: { targetType: 'ENTITY', targetId: entityId, motivation: 'CORRECTING', body: 'The alias is misspelt.', tags: ['spelling'] },
      }),
    ).createAnnotation;
    const threads = async (filter: Record<string, unknown>) =>
      dataOf(
        await asEditor(
          `query($filter: AnnotationFilter) { annotationThreads(filter: $filter, first: 50) { totalCount edges { node { id body resolved replyCount parentId } } } }`,
          { filter },
        ),
      ).annotationThreads;
    const unresolved = await threads({ resolved: false });
    expect(unresolved.edges[0].node).toMatchObject({ id: open.id, resolved: false, replyCount: 0, parentId: null });
    expect(unresolved.edges.every((edge: any) => !edge.node.resolved && edge.node.parentId === null)).toBe(true);
    const resolved = await threads({ resolved: true, targetType: ['ENTITY'], motivation: ['QUESTIONING'] });
    expect(resolved.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ body: 'Is this the same person as in the 2013 report?', replyCount: 1 }),
    ]);
    expect((await threads({ tag: 'spelling' })).edges.map((edge: any) => edge.node.id)).toEqual([open.id]);
    expect(errorCodes(await gql(`{ annotationThreads(first: 5) { totalCount } }`, {}, viewers.anonymous))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets only editors and admins write records, and tells anonymous callers to sign in', async () => {
    const create = `mutation { createEntity(input: { name: "X", kind: OTHER }) { id } }`;
    expect(errorCodes(await gql(create, {}, viewers.anonymous))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(create, {}, viewers.client))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(create, {}, reviewer.viewer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(create, {}, editor.viewer))).toEqual([]);
  });

  it('answers an updated claim exactly as a read of it then gives', async () => {
    const FIELDS =
      'id version createdAt updatedAt deletedAt deleteReason text claimantLabel attribution modality credibility rank status proposal claimantName claimant { id } events { id } entities { id } links { type claim { id } } evidence { id }';
    const { claims } = dataOf(
      await asEditor<{ claims: { edges: Array<{ node: { id: string; version: number } }> } }>(
        `{ claims(first: 1, filter: { status: [VERIFIED] }) { edges { node { id version } } } }`,
      ),
    );
    const target = claims.edges[0]!.node;
    const { updateClaim } = dataOf(
      await asEditor(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { ${FIELDS} } }`, {
        input: { id: target.id, expectedVersion: target.version, credibility: 2, entityIds: [entityId], reason: 'Rated again' },
      }),
    );
    const { claim } = dataOf(await asEditor(`query($id: ID!) { claim(id: $id) { ${FIELDS} } }`, { id: target.id }));
    expect(updateClaim).toEqual(claim);
    expect(updateClaim).toMatchObject({ version: target.version + 1, credibility: 2, status: 'IN_REVIEW', entities: [{ id: entityId }] });
  });

  it("records a claim's links as the tables hold them after each edit that adds, keeps and drops some, with the state before each", async () => {
    const ids = async (table: string) =>
      ((await db.dataSource.query(`SELECT id FROM "${table}" WHERE deleted_at IS NULL ORDER BY id LIMIT 3`)) as Array<{ id: string }>).map(
        (row) => row.id,
      );
    const [events, entities, claims] = [await ids('events'), await ids('entities'), await ids('claims')];
    const { createClaim } = dataOf(
      await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
        input: {
          text: 'Links change',
          claimantLabel: 'an aide',
          attribution: 'REPORTED_SPEECH',
          modality: 'ASSERTED',
          eventIds: events.slice(0, 2),
          entityIds: [entities[0]],
        },
      }),
    );
    const edits = [
      {
        eventIds: [events[1], events[2], events[2]],
        entityIds: [entities[1], entities[2]],
        links: [
          { type: 'SUPPORTS', toClaimId: claims[0] },
          { type: 'SUPPORTS', toClaimId: claims[0] },
        ],
      },
      {
        eventIds: [events[2]],
        entityIds: [],
        links: [
          { type: 'CONTRADICTS', toClaimId: claims[0] },
          { type: 'SUPPORTS', toClaimId: claims[1] },
        ],
      },
      { eventIds: [], entityIds: [entities[0]], links: [] },
    ];
    let version = createClaim.version;
    for (const edit of edits) {
      const before = await ClaimRecord.loadState(db.dataSource.manager, createClaim.id);
      const result = await asEditor(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`, {
        input: { id: createClaim.id, expectedVersion: version, ...edit },
      });
      version = dataOf<{ updateClaim: { version: number } }>(result).updateClaim.version;
      const [previous, last] = (await revisionsOf(createClaim.id)).slice(-2);
      const stored = await ClaimRecord.loadState(db.dataSource.manager, createClaim.id);
      expect(last!.state).toEqual(stored);
      expect(previous!.state).toEqual(before);
      expect(stored).toMatchObject({ eventIds: [...new Set(edit.eventIds)].sort(), entityIds: [...new Set(edit.entityIds)].sort() });
      expect(stored!.links).toHaveLength(new Set(edit.links.map((link) => `${link.type}/${link.toClaimId}`)).size);
      for (const field of ['eventIds', 'entityIds', 'links'] as const) {
        if (JSON.stringify(before![field]) !== JSON.stringify(stored![field]))
          expect(last!.changes[field]).toEqual({ before: before![field], after: stored![field] });
      }
    }
  });

  it("records an event's participants as the table holds them after each edit, and answers the event as a read of it then gives", async () => {
    const FIELDS =
      'id version createdAt updatedAt deletedAt title summary modality status proposal timeExpression type { code } start { date precision } end { date precision } place { id } parent { id } participants { role entity { id } }';
    const entities = (
      (await db.dataSource.query(
        `SELECT id FROM entities WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id LIMIT 3`,
      )) as Array<{ id: string }>
    ).map((row) => row.id);
    const { events } = dataOf(
      await asEditor<any>(`{ events(first: 1, filter: { status: [VERIFIED] }) { edges { node { id version } } } }`),
    );
    const target = events.edges[0]!.node;
    const edits = [
      {
        title: 'Renamed',
        participants: [
          { entityId: entities[0], role: 'AGENT' },
          { entityId: entities[1], role: 'TARGET' },
        ],
      },
      {
        participants: [
          { entityId: entities[1], role: 'TARGET' },
          { entityId: entities[2], role: 'HOST' },
          { entityId: entities[1], role: 'PARTICIPANT' },
        ],
      },
      { summary: 'No one named.', participants: [] },
    ];
    let version = target.version;
    for (const edit of edits) {
      const before = await EventRecord.loadState(db.dataSource.manager, target.id);
      const { updateEvent } = dataOf(
        await asEditor<any>(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${FIELDS} } }`, {
          input: { id: target.id, expectedVersion: version, ...edit },
        }),
      );
      const { event } = dataOf(await asEditor<any>(`query($id: ID!) { event(id: $id) { ${FIELDS} } }`, { id: target.id }));
      expect(updateEvent).toEqual(event);
      version = updateEvent.version;
      const [previous, last] = (await revisionsOf(target.id)).slice(-2);
      const stored = await EventRecord.loadState(db.dataSource.manager, target.id);
      expect(last!.state).toEqual(stored);
      expect(previous!.state).toEqual(before);
      expect(stored!.participants).toHaveLength(edit.participants.length);
    }
  });

  it("keeps a claim's check-worthiness from 0 to 1, refuses one outside, and reverts it with the claim's other fields", async () => {
    const { createClaim } = dataOf(
      await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version checkWorthiness } }`, {
        input: {
          text: 'Worth a look.',
          claimantLabel: 'an official',
          attribution: 'DIRECT_QUOTE',
          modality: 'ASSERTED',
          checkWorthiness: 0.7,
          reason: 'test',
        },
      }),
    );
    expect(createClaim).toMatchObject({ version: 1, checkWorthiness: 0.7 });
    const update = (checkWorthiness: number | null, expectedVersion: number) =>
      asEditor(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version checkWorthiness } }`, {
        input: { id: createClaim.id, expectedVersion, checkWorthiness, reason: 'test' },
      });
    const refused = await update(1.5, 1);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused)).toEqual(['checkWorthiness']);
    expect(dataOf(await update(null, 1)).updateClaim).toEqual({ version: 2, checkWorthiness: null });
    expect((await revisionsOf(createClaim.id)).at(-1)!.changes).toEqual({ checkWorthiness: { before: 0.7, after: null } });
    const [created] = await revisionsOf(createClaim.id);
    const { revert } = dataOf(
      await asEditor(`mutation($input: RevertInput!) { revert(input: $input) { ... on Claim { version checkWorthiness } } }`, {
        input: { revisionId: created!.id, expectedVersion: 2 },
      }),
    );
    expect(revert).toEqual({ version: 3, checkWorthiness: 0.7 });
  });
});
