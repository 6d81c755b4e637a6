import { beforeAll, describe, expect, it } from 'vitest';

import type { TestDatabase } from './support/database.js';
import { createEditor, createReviewer, newsArticleInput, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, type graphqlClient } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const IMPORT = `mutation($input: ImportSourceInput!) { importSource(input: $input) { source { id } newNames } }`;
const NOTES = `{ annotationThreads(filter: { tag: "new-name", resolved: false }, first: 100) { edges { node { id version targetId span { selector { exact } } } } } }`;
const RECORDS = `query($sourceId: ID!) {
  events(filter: { sourceId: $sourceId }, first: 20) { edges { node { id participants { role label entity { id } } } } }
  claims(filter: { sourceId: $sourceId }, first: 50) { edges { node { id claimant { id } claimantLabel } } }
}`;
const RECORD_NEW_NAME = `mutation($input: RecordNewNameInput!) { recordNewName(input: $input) { movedClaims movedEvents entity { id name aliases } } }`;

const ARTICLE = 'Grain talks in Moscow\n\nNgozi Okafor met Vladimir Putin in Moscow on Monday to discuss grain shipments.';
const OTHER_ARTICLE = 'Shipping in Lagos\n\nNgozi Okafor met Vladimir Putin in Lagos on Tuesday to discuss port fees.';
const QUOTED_ARTICLE = 'Port fees\n\n“Fees will fall by half,” Ngozi Okafor told reporters in Lagos on Tuesday.';

/** An editor records a name the importer found as an entity, and the records drawn from that text follow. */
describe('recording a new name as an entity', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let sourceId: string;
  let otherSourceId: string;
  let quotedSourceId: string;
  let entity: { id: string; name: string; version: number };

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  const asEditor = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const noteOn = async (source: string) =>
    dataOf(await asEditor(NOTES)).annotationThreads.edges.find(
      ({ node }: any) => node.targetId === source && node.span?.selector.exact === 'Ngozi Okafor',
    )?.node as { id: string; version: number } | undefined;
  const recordsOf = async (source: string) => dataOf(await asEditor(RECORDS, { sourceId: source }));
  const participantsOf = async (source: string) =>
    (await recordsOf(source)).events.edges.flatMap(({ node }: any) => node.participants) as Array<{
      label: string | null;
      entity: { id: string } | null;
    }>;
  const revisionCount = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM revisions`))[0].n as number;

  beforeAll(async () => {
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    const first = dataOf(await asEditor(IMPORT, { input: newsArticleInput(ARTICLE, '2022-09-07') })).importSource;
    const second = dataOf(await asEditor(IMPORT, { input: newsArticleInput(OTHER_ARTICLE, '2022-09-08') })).importSource;
    expect(first.newNames).toContain('Ngozi Okafor');
    expect(second.newNames).toContain('Ngozi Okafor');
    sourceId = first.source.id;
    otherSourceId = second.source.id;
    quotedSourceId = dataOf(await asEditor(IMPORT, { input: newsArticleInput(QUOTED_ARTICLE, '2022-09-09') })).importSource.source.id;
    // An entity the store already had, under another spelling: the name must become one of its aliases.
    entity = dataOf(
      await asEditor(
        `mutation { createEntity(input: { kind: PERSON, name: "Ngozi Okafor-Eze", reason: "Named in a source" }) { id name version } }`,
      ),
    ).createEntity;
  });

  it('refuses a reviewer, an unknown entity and a note that is not on a new name, and changes nothing', async () => {
    const note = (await noteOn(sourceId))!;
    const before = await revisionCount();
    const asReviewer = await gql(
      RECORD_NEW_NAME,
      { input: { noteId: note.id, noteExpectedVersion: note.version, entityId: entity.id, entityExpectedVersion: entity.version } },
      reviewer.viewer,
    );
    expect(errorCodes(asReviewer)).toEqual(['FORBIDDEN']);
    const unknown = await asEditor(RECORD_NEW_NAME, {
      input: {
        noteId: note.id,
        noteExpectedVersion: note.version,
        entityId: '00000000-0000-4000-8000-000000000000',
        entityExpectedVersion: 1,
      },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const stale = await asEditor(RECORD_NEW_NAME, {
      input: { noteId: note.id, noteExpectedVersion: note.version + 1, entityId: entity.id, entityExpectedVersion: entity.version },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    // The entity's stale version is found only after the note was resolved in the same transaction: that is undone too.
    const staleEntity = await asEditor(RECORD_NEW_NAME, {
      input: { noteId: note.id, noteExpectedVersion: note.version, entityId: entity.id, entityExpectedVersion: entity.version + 1 },
    });
    expect(errorCodes(staleEntity)).toEqual(['CONFLICT']);
    const comment = dataOf(
      await asEditor(
        `mutation($id: ID!) { createAnnotation(input: { targetType: SOURCE, targetId: $id, motivation: COMMENTING, body: "Check the spelling" }) { id version } }`,
        {
          id: sourceId,
        },
      ),
    ).createAnnotation;
    const notANewName = await asEditor(RECORD_NEW_NAME, {
      input: { noteId: comment.id, noteExpectedVersion: comment.version, entityId: entity.id, entityExpectedVersion: entity.version },
    });
    expect(errorCodes(notANewName)).toEqual(['BAD_USER_INPUT']);
    expect(await revisionCount()).toBe(before + 1);
    expect((await noteOn(sourceId))?.version).toBe(note.version);
    expect(await participantsOf(sourceId)).toContainEqual(expect.objectContaining({ label: 'Ngozi Okafor', entity: null }));
  });

  it("names the entity in the events drawn from the note's text, adds the name as an alias and resolves the note; other sources keep their label", async () => {
    const note = (await noteOn(sourceId))!;
    const result = dataOf(
      await asEditor(RECORD_NEW_NAME, {
        input: { noteId: note.id, noteExpectedVersion: note.version, entityId: entity.id, entityExpectedVersion: entity.version },
      }),
    ).recordNewName;
    expect(result.movedEvents).toBe(1);
    expect(result.entity).toEqual({ id: entity.id, name: 'Ngozi Okafor-Eze', aliases: ['Ngozi Okafor'] });

    const participants = await participantsOf(sourceId);
    expect(participants).toContainEqual({ role: 'AGENT', label: null, entity: { id: entity.id } });
    expect(participants.some((p) => p.label === 'Ngozi Okafor')).toBe(false);
    expect(await participantsOf(otherSourceId)).toContainEqual(expect.objectContaining({ label: 'Ngozi Okafor', entity: null }));
    expect(await noteOn(sourceId)).toBeUndefined();

    const [event] = (await recordsOf(sourceId)).events.edges.map(({ node }: any) => node);
    const [revision] = (await db.dataSource.query(
      `SELECT operation, reason, state FROM revisions WHERE record_id = $1 ORDER BY version DESC LIMIT 1`,
      [event.id],
    )) as Array<{ operation: string; reason: string; state: { participants: unknown[] } }>;
    expect(revision).toMatchObject({ operation: 'UPDATE', reason: `“Ngozi Okafor” recorded as entity ${entity.id}` });
    expect(revision!.state.participants).toContainEqual({ entityId: entity.id, role: 'AGENT' });

    const again = await asEditor(RECORD_NEW_NAME, {
      input: { noteId: note.id, noteExpectedVersion: note.version + 1, entityId: entity.id, entityExpectedVersion: entity.version },
    });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('names the entity as the claimant of claims whose claimant was the bare name, and adds no alias the entity already has', async () => {
    const claims = (await recordsOf(quotedSourceId)).claims.edges.map(({ node }: any) => node);
    expect(claims).toContainEqual(expect.objectContaining({ claimant: null, claimantLabel: 'Ngozi Okafor' }));
    const note = (await noteOn(quotedSourceId))!;
    const result = dataOf(
      await asEditor(RECORD_NEW_NAME, {
        input: { noteId: note.id, noteExpectedVersion: note.version, entityId: entity.id, entityExpectedVersion: entity.version + 1 },
      }),
    ).recordNewName;
    expect(result.movedClaims).toBe(claims.filter((c: any) => c.claimantLabel === 'Ngozi Okafor').length);
    expect(result.entity.aliases).toEqual(['Ngozi Okafor']);
    const after = (await recordsOf(quotedSourceId)).claims.edges.map(({ node }: any) => node);
    expect(after.filter((c: any) => c.claimantLabel === 'Ngozi Okafor')).toEqual([]);
    expect(after).toContainEqual(expect.objectContaining({ claimant: { id: entity.id }, claimantLabel: null }));

    // The next import knows the name: it is the entity's claimant and participant, not a new name.
    const next = dataOf(
      await asEditor(IMPORT, { input: newsArticleInput(QUOTED_ARTICLE.replace('half', 'a third'), '2022-09-10') }),
    ).importSource;
    expect(next.newNames).not.toContain('Ngozi Okafor');
    const named = (await recordsOf(next.source.id)).claims.edges.map(({ node }: any) => node);
    expect(named).toContainEqual(expect.objectContaining({ claimant: { id: entity.id }, claimantLabel: null }));
  });
});
