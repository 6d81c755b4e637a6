import fs from 'node:fs';
import path from 'node:path';

import jsonld from 'jsonld';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { ReviewDecision } from '../src/core/review/workflow.js';
import type { WriteContext } from '../src/core/revisions/record-writer.js';
import { CONTEXTS, contextsDir } from '../src/http/exports/contexts.js';
import { Attribution, ClaimModality } from '../src/modules/claims/claims.enums.js';
import { ClaimsService } from '../src/modules/claims/claims.service.js';
import { EvidenceService } from '../src/modules/evidence/evidence.service.js';
import { reopenAfterEvidenceChange, ReviewService } from '../src/modules/review/review.service.js';
import { SourcesService } from '../src/modules/sources/sources.service.js';
import { ApiKeysService } from '../src/modules/users/api-keys.service.js';
import { SessionTokens } from '../src/modules/users/sessions.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { startTestServer, type TestServer } from './support/http.js';

const claimsService = (dataSource: DataSource) => new ClaimsService(dataSource, new EvidenceService(dataSource, reopenAfterEvidenceChange));

const OA = 'http://www.w3.org/ns/oa#';
const PROV = 'http://www.w3.org/ns/prov#';
const SCHEMA = 'http://schema.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** The contexts the project ships, served for their public URLs: expansion never reaches the network. */
async function documentLoader(url: string) {
  const context = Object.values(CONTEXTS).find((candidate) => candidate.url === url);
  if (!context) throw new Error(`No network in tests: ${url}`);
  return { documentUrl: url, document: JSON.parse(fs.readFileSync(path.join(contextsDir, context.file), 'utf8')) };
}

type Node = Record<string, any>;
const expand = async (document: unknown): Promise<Node[]> => (await jsonld.expand(document as object, { documentLoader })) as Node[];
const ofType = (nodes: Node[], type: string) => nodes.filter((node) => (node['@type'] ?? []).includes(type));
const ids = (values: Node[] | undefined) => (values ?? []).map((value) => value['@id']);
const value = (values: Node[] | undefined) => values?.[0]?.['@value'];

/** A strict RFC 4180 reader: quoted fields with doubled quotes, CRLF after every record, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n')
      throw new Error(`Not RFC 4180 at ${i}: ${JSON.stringify(text.slice(i - 20, i + 20))}`);
    else field += c;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('The last record does not end with CRLF');
  return rows;
}

const records = (rows: string[][]) => rows.slice(1).map((row) => Object.fromEntries(rows[0]!.map((column, i) => [column, row[i]!])));

/** Everything RFC 4180 quotes: commas, double quotes, line breaks (CRLF and LF), and a character beyond the BMP. */
const TRICKY = 'He said "no, never",\r\nthen "left"\nfor good 🙂';

describe('exports over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;
  let editor: TestUser;
  let reviewer: TestUser;
  let staff: Record<string, string>;
  let client: Record<string, string>;
  let retractedId: string;
  let beforeRetraction: Date;
  /** Claims, events and evidence only staff may see (invariant 7). */
  let hidden: { claims: string[]; events: string[]; evidence: string[] };

  const get = async (pathAndQuery: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${pathAndQuery}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const publicClaimCount = async () =>
    (
      (await db.dataSource.query(
        `SELECT count(*)::int AS n FROM claims WHERE status IN ('VERIFIED', 'RETRACTED') AND deleted_at IS NULL`,
      )) as Array<{ n: number }>
    )[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    editor = await createEditor(db.dataSource);
    reviewer = await createUser(db.dataSource, [Role.REVIEWER], 'rhea-reviewer');
    staff = { authorization: `Bearer ${await new SessionTokens(server.config.auth.secret, 600).issue(editor.id, 0)}` };
    const editing: WriteContext = { actor: `user:${editor.id}`, actorUserId: editor.id, requestId: null };
    const { key } = await new ApiKeysService(db.dataSource).create(editing, { name: 'Newsroom app' });
    client = { authorization: `Bearer ${key}` };

    const [source] = (await db.dataSource.query(`SELECT id, version FROM sources`)) as Array<{ id: string; version: number }>;
    await new SourcesService(db.dataSource).update(editing, {
      id: source!.id,
      expectedVersion: source!.version,
      url: 'https://example.org/myanmar-russia',
    });
    beforeRetraction = new Date();
    const [verified] = (await db.dataSource.query(
      `SELECT id, version FROM claims WHERE status = 'VERIFIED' ORDER BY created_at, id LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    retractedId = verified!.id;
    await new ReviewService(db.dataSource).review(
      { actor: `user:${reviewer.id}`, actorUserId: reviewer.id, requestId: null },
      {
        id: retractedId,
        expectedVersion: verified!.version,
        decision: ReviewDecision.RETRACT,
        comment: 'A second source puts these words in another mouth',
      },
    );

    await claimsService(db.dataSource).create(editing, {
      text: TRICKY,
      claimantLabel: 'a spokesman, unnamed',
      attribution: Attribution.DIRECT_QUOTE,
      modality: ClaimModality.DENIED,
    });

    const unpublished = async (table: string) =>
      ((await db.dataSource.query(`SELECT id FROM ${table} WHERE status NOT IN ('VERIFIED', 'RETRACTED')`)) as Array<{ id: string }>).map(
        (row) => row.id,
      );
    const claims = await unpublished('claims');
    const events = await unpublished('events');
    const evidence = (
      (await db.dataSource.query(`SELECT id FROM evidence WHERE claim_id = ANY($1) OR event_id = ANY($2)`, [claims, events])) as Array<{
        id: string;
      }>
    ).map((row) => row.id);
    hidden = { claims, events, evidence };
    expect(claims.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('exports evidence as W3C Web Annotations, in the oa: vocabulary, with selectors true to the text (code points)', async () => {
    const { status, headers, text } = await get('/exports/evidence.jsonld');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    expect(headers.get('content-disposition')).toBe('attachment; filename="evidence.jsonld"');
    const document = JSON.parse(text);
    expect(document['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');

    const annotations = ofType(await expand(document), `${OA}Annotation`);
    const [{ n: visible }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence e LEFT JOIN claims c ON c.id = e.claim_id LEFT JOIN events v ON v.id = e.event_id
        WHERE e.deleted_at IS NULL AND COALESCE(c.status, v.status) IN ('VERIFIED', 'RETRACTED')`,
    )) as Array<{ n: number }>;
    expect(annotations).toHaveLength(visible);

    const texts = new Map(
      ((await db.dataSource.query(`SELECT id, text FROM source_revisions`)) as Array<{ id: string; text: string }>).map((row) => [
        row.id,
        row.text,
      ]),
    );
    const motivations = new Set<string>();
    for (const annotation of annotations) {
      expect(ids(annotation[`${OA}hasBody`])[0]).toMatch(/\/id\/(claim|event)\/[0-9a-f-]{36}$/);
      for (const motivation of ids(annotation[`${OA}motivatedBy`])) motivations.add(motivation);
      const [target] = annotation[`${OA}hasTarget`];
      const revisionId = ids(target[`${OA}hasSource`])[0].split('/').at(-1);
      const selectors: Node[] = target[`${OA}hasSelector`];
      const [quote] = ofType(selectors, `${OA}TextQuoteSelector`);
      const [position] = ofType(selectors, `${OA}TextPositionSelector`);
      const exact = value(quote![`${OA}exact`]);
      const start = value(position![`${OA}start`]);
      const end = value(position![`${OA}end`]);
      expect(position![`${OA}start`][0]['@type']).toBe(`${XSD}nonNegativeInteger`);
      expect(Array.from(texts.get(revisionId)!).slice(start, end).join('')).toBe(exact);
      if (quote![`${OA}prefix`]) expect(texts.get(revisionId)!.includes(value(quote![`${OA}prefix`]) + exact)).toBe(true);
    }
    expect([...motivations].sort()).toEqual([`${OA}describing`, `${OA}identifying`]);
  });

  it('exports provenance in PROV-O: records and their versions attributed, derived and generated', async () => {
    const { status, headers, text } = await get('/exports/provenance.jsonld', staff);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/ld+json');
    const nodes = await expand(JSON.parse(text));
    const byId = new Map<string, any>(nodes.map((node) => [node['@id'], node]));

    const claims = ofType(nodes, `${SCHEMA}Claim`);
    const [{ n: claimCount }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM claims`)) as Array<{ n: number }>;
    expect(claims).toHaveLength(claimCount);
    const seeded = claims.filter((claim) => value(claim['http://www.w3.org/2000/01/rdf-schema#label']) !== TRICKY);
    expect(seeded).toHaveLength(claimCount - 1);
    for (const claim of seeded) {
      expect(claim['@type']).toContain(`${PROV}Entity`);
      const [creator] = ids(claim[`${PROV}wasAttributedTo`]);
      expect(byId.get(creator)['@type']).toEqual(expect.arrayContaining([`${PROV}Agent`, `${PROV}SoftwareAgent`]));
      expect(byId.get(creator)[`http://www.w3.org/2000/01/rdf-schema#label`]).toEqual([{ '@value': 'seed:curated.yaml' }]);
      const [snapshot] = ids(claim[`${PROV}wasDerivedFrom`]);
      expect(byId.get(snapshot)[`${PROV}specializationOf`][0]['@id']).toMatch(/\/id\/source\/[0-9a-f-]{36}$/);
      const activity = byId.get(ids(claim[`${PROV}wasGeneratedBy`])[0]);
      expect(activity['@type']).toEqual([`${PROV}Activity`]);
      expect(activity[`${PROV}startedAtTime`][0]['@type']).toBe(`${XSD}dateTime`);
    }

    const retracted = `${server.config.publicUrl}/id/claim/${retractedId}`;
    const versions = nodes.filter((node) => ids(node[`${PROV}specializationOf`]).includes(retracted));
    const [{ n: revisionCount }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM revisions WHERE record_id = $1`, [
      retractedId,
    ])) as Array<{ n: number }>;
    expect(versions).toHaveLength(revisionCount);
    const last = versions.at(-1)!;
    expect(ids(last[`${PROV}wasDerivedFrom`])).toEqual([versions.at(-2)!['@id']]);
    expect(ids(last[`${PROV}wasRevisionOf`])).toEqual([versions.at(-2)!['@id']]);
    const retraction = byId.get(ids(last[`${PROV}wasGeneratedBy`])[0]);
    expect(Object.entries(retraction).find(([key]) => key.endsWith('/ns#operation'))![1]).toEqual([{ '@value': 'REVIEW' }]);
    expect(ids(retraction[`${PROV}wasAssociatedWith`])).toEqual([`${server.config.publicUrl}/id/user/${reviewer.id}`]);
    expect(retraction[`${PROV}endedAtTime`]).toEqual(retraction[`${PROV}startedAtTime`]);
    expect(retraction['http://www.w3.org/2000/01/rdf-schema#comment']).toEqual([
      { '@value': 'A second source puts these words in another mouth' },
    ]);
    const person = byId.get(`${server.config.publicUrl}/id/user/${reviewer.id}`);
    expect(person['@type']).toEqual(expect.arrayContaining([`${PROV}Agent`, `${PROV}Person`]));
    expect(person['http://www.w3.org/2000/01/rdf-schema#label']).toEqual([{ '@value': 'rhea-reviewer' }]);

    const evidence = ofType(nodes, `${OA}Annotation`);
    expect(evidence.length).toBeGreaterThan(0);
    for (const node of evidence) expect(ids(node[`${PROV}wasDerivedFrom`])[0]).toMatch(/\/id\/source-revision\//);
    expect(ofType(nodes, `${SCHEMA}Event`).length).toBeGreaterThan(0);
    // The public reads that a review step happened and when, not who took it nor why.
    const publicText = (await get('/exports/provenance.jsonld')).text;
    expect(publicText).not.toContain(reviewer.id);
    const publicNodes = new Map<string, any>((await expand(JSON.parse(publicText))).map((node) => [node['@id'], node]));
    const publicRetraction = publicNodes.get(retraction['@id']);
    expect(publicRetraction[`${PROV}startedAtTime`]).toEqual(retraction[`${PROV}startedAtTime`]);
    expect(publicRetraction[`${PROV}wasAssociatedWith`]).toBeUndefined();
    expect(publicNodes.get(last['@id'])[`${PROV}wasAttributedTo`]).toBeUndefined();
    const creation = publicNodes.get(ids(publicNodes.get(retracted)[`${PROV}wasGeneratedBy`])[0]);
    expect(ids(creation[`${PROV}wasAssociatedWith`])).toEqual([`${server.config.publicUrl}/id/run/seed%3Acurated.yaml`]);
  });

  it('exports reviewed claims as schema.org ClaimReviews, with the status mapped to a rating', async () => {
    const { status, text } = await get('/exports/claim-reviews.jsonld');
    expect(status).toBe(200);
    const document = JSON.parse(text);
    expect(document['@context']).toBe('https://schema.org/');
    const reviews = ofType(await expand(document), `${SCHEMA}ClaimReview`);
    expect(reviews).toHaveLength(await publicClaimCount());
    const ratings = new Map<string, unknown>();
    for (const review of reviews) {
      expect(value(review[`${SCHEMA}claimReviewed`])).toEqual(expect.any(String));
      const [rating] = review[`${SCHEMA}reviewRating`];
      expect(rating['@type']).toEqual([`${SCHEMA}Rating`]);
      expect(value(rating[`${SCHEMA}bestRating`])).toBe(5);
      expect(value(rating[`${SCHEMA}worstRating`])).toBe(1);
      ratings.set(value(rating[`${SCHEMA}alternateName`]), value(rating[`${SCHEMA}ratingValue`]));
      const [item] = review[`${SCHEMA}itemReviewed`];
      expect(item['@type']).toEqual([`${SCHEMA}Claim`]);
      expect(value(item[`${SCHEMA}author`][0][`${SCHEMA}name`])).toEqual(expect.any(String));
      const [appearance] = item[`${SCHEMA}appearance`];
      expect(appearance['@type']).toEqual([`${SCHEMA}CreativeWork`]);
      expect(ids(appearance[`${SCHEMA}url`])).toEqual(['https://example.org/myanmar-russia']);
      expect(value(appearance[`${SCHEMA}datePublished`])).toBe('2022-09');
      expect(review[`${SCHEMA}author`][0]['@type']).toEqual([expect.stringMatching(/^http:\/\/schema\.org\/(Person|Organization)$/)]);
      expect(value(review[`${SCHEMA}datePublished`])).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // What search engines require of a ClaimReview: where it is published, and where and when the claim first appeared.
      expect(ids(review[`${SCHEMA}url`])).toEqual([item['@id']]);
      expect(item['@id']).toMatch(new RegExp(`^${server.config.publicUrl}/id/claim/`));
      expect(value(item[`${SCHEMA}datePublished`])).toBe('2022-09');
      expect(ids(item[`${SCHEMA}firstAppearance`])).toEqual([appearance['@id']]);
    }
    // The seed's claims are mostly the article's own assertions: their author is a person, the article's author.
    const authorTypes = reviews.map((review) => review[`${SCHEMA}itemReviewed`][0][`${SCHEMA}author`][0]['@type'][0]);
    expect(authorTypes.filter((type: string) => type === `${SCHEMA}Thing`).length).toBeLessThanOrEqual(authorTypes.length / 5);
    expect(Object.fromEntries(ratings)).toEqual({ Verified: 5, Retracted: 1 });

    const retraction = reviews.find((review) => ids(review[`${SCHEMA}itemReviewed`])[0].endsWith(retractedId))!;
    // The public reads the verdict as the store's: who reviewed is deliberation, as in the API.
    expect(retraction[`${SCHEMA}author`][0]).toEqual({
      '@id': `${server.config.publicUrl}/id/publisher`,
      '@type': [`${SCHEMA}Organization`],
    });
    expect(text).not.toContain(reviewer.id);
    expect(retraction[`${SCHEMA}reviewBody`]).toBeUndefined();
    const forStaff = ofType(await expand(JSON.parse((await get('/exports/claim-reviews.jsonld', staff)).text)), `${SCHEMA}ClaimReview`);
    const seenByStaff = forStaff.find((review) => ids(review[`${SCHEMA}itemReviewed`])[0].endsWith(retractedId))!;
    expect(seenByStaff[`${SCHEMA}author`][0]).toMatchObject({
      '@id': `${server.config.publicUrl}/id/user/${reviewer.id}`,
      '@type': [`${SCHEMA}Person`],
    });
    expect(value(seenByStaff[`${SCHEMA}author`][0][`${SCHEMA}name`])).toBe('rhea-reviewer');
    expect(value(seenByStaff[`${SCHEMA}reviewBody`])).toBe('A second source puts these words in another mouth');
  });

  it('exports one CSV row per visible claim, RFC 4180 quoted, with the provenance columns filled', async () => {
    const { status, headers, text } = await get('/exports/claims.csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(headers.get('content-disposition')).toBe('attachment; filename="claims.csv"');
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'text', 'claimant']);
    // A field a claim's declaration exports is a column, beside the ones it had: how worth checking the claim is, say.
    expect(rows[0]).toContain('check_worthiness');
    const claims = records(rows);
    expect(claims).toHaveLength(await publicClaimCount());
    expect(new Set(claims.map((claim) => claim.id)).size).toBe(claims.length);

    const stored = new Map(
      ((await db.dataSource.query(`SELECT id, text FROM claims`)) as Array<{ id: string; text: string }>).map((row) => [row.id, row.text]),
    );
    expect(claims.some((claim) => claim.text!.includes(','))).toBe(true);
    expect(claims.some((claim) => claim.quote!.includes('“'))).toBe(true);
    const [snapshot] = (await db.dataSource.query(`SELECT text, sha256 FROM source_revisions`)) as Array<{ text: string; sha256: string }>;
    const codePoints = Array.from(snapshot!.text);
    const evidenceColumns = [
      'source_title',
      'source_url',
      'source_revision',
      'source_sha256',
      'quote',
      'quote_start',
      'quote_end',
      'anchor_status',
    ];
    let severalPieces = 0;
    for (const claim of claims) {
      expect(claim.text).toBe(stored.get(claim.id!));
      expect(claim).toMatchObject({ created_by: 'seed:curated.yaml', created_by_name: 'seed:curated.yaml' });
      expect(claim.claimant).not.toBe('');
      // One value per evidence in each evidence column, a line apart, in the same order.
      const pieces = Object.fromEntries(evidenceColumns.map((column) => [column, claim[column]!.split('\n')]));
      const count = pieces.quote!.length;
      if (count > 1) severalPieces++;
      for (const column of evidenceColumns) expect(pieces[column], column).toHaveLength(count);
      expect(new Set(pieces.source_title)).toEqual(new Set(['Myanmar and Russia: the Vladivostok meeting signals a rapprochement']));
      expect(new Set(pieces.source_url)).toEqual(new Set(['https://example.org/myanmar-russia']));
      expect(new Set(pieces.source_revision)).toEqual(new Set(['1']));
      expect(new Set(pieces.source_sha256)).toEqual(new Set([snapshot!.sha256]));
      pieces.quote!.forEach((quote, i) => {
        expect(codePoints.slice(Number(pieces.quote_start![i]), Number(pieces.quote_end![i])).join('')).toBe(quote);
      });
      expect(claim.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      expect(claim.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      expect(Number(claim.version)).toBeGreaterThanOrEqual(3);
      expect(claim.last_reviewed_at).toMatch(/^\d{4}-/);
    }
    expect(severalPieces).toBeGreaterThan(0);
    const retracted = claims.find((claim) => claim.id === retractedId)!;
    // The verdict and its date are public; who reviewed is deliberation, as in the API.
    expect(retracted).toMatchObject({
      status: 'RETRACTED',
      retracted: 'true',
      last_review_decision: 'RETRACT',
      last_reviewed_by: '',
      last_reviewed_by_name: '',
      updated_by: '',
      updated_by_name: '',
    });
    expect(retracted.last_reviewed_at).toMatch(/^\d{4}-/);
    expect(text).not.toContain(reviewer.id);
    const verified = claims.find((claim) => claim.status === 'VERIFIED')!;
    expect(verified).toMatchObject({ retracted: 'false', last_review_decision: 'VERIFY', last_reviewed_by: '' });

    const forStaff = records(parseCsv((await get('/exports/claims.csv', staff)).text));
    expect(forStaff.find((claim) => claim.id === retractedId)).toMatchObject({
      last_reviewed_by: `user:${reviewer.id}`,
      last_reviewed_by_name: 'rhea-reviewer',
      updated_by: `user:${reviewer.id}`,
    });
    expect(forStaff.find((claim) => claim.status === 'VERIFIED')!.last_reviewed_by).toBe('seed-review:curated.yaml');
    expect(forStaff.find((claim) => claim.text === TRICKY)).toMatchObject({
      status: 'DRAFT',
      claimant: 'a spokesman, unnamed',
      created_by: `user:${editor.id}`,
      created_by_name: 'editor',
      source_title: '',
      last_review_decision: '',
    });
  });

  it('writes text a spreadsheet would run as a formula as plain text, and numbers as numbers', async () => {
    const editing: WriteContext = { actor: `user:${editor.id}`, actorUserId: editor.id, requestId: null };
    const planted = ['=HYPERLINK("http://x.example","click")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@cmd'];
    for (const text of planted) {
      await claimsService(db.dataSource).create(editing, {
        text,
        claimantLabel: '@SUM(1+1)',
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.ASSERTED,
      });
    }
    const claims = records(parseCsv((await get('/exports/claims.csv', staff)).text));
    for (const text of planted) {
      const row = claims.find((claim) => claim.text === `'${text}`);
      expect(row, text).toBeDefined();
      expect(row!.claimant).toBe("'@SUM(1+1)");
      expect(row!.version).toBe('1');
    }
    for (const claim of claims) for (const cell of Object.values(claim)) expect(cell!, JSON.stringify(claim)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('shows anonymous callers and client keys only verified and retracted records; staff see everything', async () => {
    const files = ['claims.csv', 'evidence.jsonld', 'provenance.jsonld', 'claim-reviews.jsonld'];
    const everyHidden = [...hidden.claims, ...hidden.events, ...hidden.evidence];
    for (const file of files) {
      for (const headers of [{}, client]) {
        const { status, text } = await get(`/exports/${file}`, headers);
        expect(status).toBe(200);
        for (const id of everyHidden) expect(text, `${file} shows ${id}`).not.toContain(id);
        expect(text).toContain(retractedId);
      }
    }
    const forStaff = async (file: string) => (await get(`/exports/${file}`, staff)).text;
    const shown = { 'claims.csv': hidden.claims, 'evidence.jsonld': hidden.evidence, 'provenance.jsonld': everyHidden };
    for (const [file, expected] of Object.entries(shown)) {
      const text = await forStaff(file);
      for (const id of expected) expect(text, `${file} hides ${id} from staff`).toContain(id);
    }
    const anonymous = (await get('/exports/provenance.jsonld')).text;
    expect(anonymous).not.toContain('rhea-reviewer');
    expect(anonymous).not.toContain('A second source');
  });

  it('refuses an unknown or revoked API key with 401 UNAUTHENTICATED, as /graphql does', async () => {
    const { status, body } = await fetch(`${server.url}/exports/claims.csv`, { headers: { authorization: 'Bearer psk_nonsense' } }).then(
      async (r) => ({ status: r.status, body: await r.json() }),
    );
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('filters by status, source, claimant and time, never beyond what the caller may see', async () => {
    const count = async (query: string, headers: Record<string, string> = {}) => {
      const { status, text } = await get(`/exports/claims.csv?${query}`, headers);
      expect(status).toBe(200);
      return records(parseCsv(text));
    };
    const all = await publicClaimCount();
    expect(await count('status=VERIFIED,RETRACTED')).toHaveLength(all);
    expect(await count('status=VERIFIED&status=RETRACTED')).toHaveLength(all);
    expect((await count('status=RETRACTED')).map((claim) => claim.id)).toEqual([retractedId]);
    expect(await count('status=DISPUTED')).toHaveLength(0);
    expect((await count('status=DISPUTED', staff)).map((claim) => claim.status)).toEqual(['DISPUTED']);

    const [source] = (await db.dataSource.query(`SELECT id FROM sources`)) as Array<{ id: string }>;
    expect(await count(`sourceId=${source!.id}`)).toHaveLength(all);
    expect(await count('sourceId=00000000-0000-4000-8000-000000000000')).toHaveLength(0);

    const [claimant] = (await db.dataSource.query(
      `SELECT claimant_id AS id, count(*)::int AS n FROM claims WHERE claimant_id IS NOT NULL AND status IN ('VERIFIED', 'RETRACTED') GROUP BY claimant_id ORDER BY n DESC LIMIT 1`,
    )) as Array<{ id: string; n: number }>;
    const byClaimant = await count(`claimantId=${claimant!.id}`);
    expect(byClaimant).toHaveLength(claimant!.n);
    expect(new Set(byClaimant.map((claim) => claim.claimant_id))).toEqual(new Set([claimant!.id]));

    expect((await count(`since=${beforeRetraction.toISOString()}`)).map((claim) => claim.id)).toEqual([retractedId]);
    expect(await count('since=2999-01-01')).toHaveLength(0);
    expect(await count('since=2999-01-01T00:00:00+02:00')).toHaveLength(0);
    expect(await count(`since=${encodeURIComponent(beforeRetraction.toISOString().replace('Z', '+00:00'))}`)).toHaveLength(1);

    const evidence = JSON.parse((await get(`/exports/evidence.jsonld?claimantId=${claimant!.id}`)).text)['@graph'];
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((annotation: Node) => annotation.body.includes('/id/claim/'))).toBe(true);
    const reviews = JSON.parse((await get('/exports/claim-reviews.jsonld?status=DISPUTED', staff)).text)['@graph'];
    expect(reviews).toEqual([]);
  });

  it('answers a bad filter with 400 BAD_USER_INPUT naming it, and an unknown export with 404', async () => {
    for (const file of ['claims.csv', 'evidence.jsonld', 'provenance.jsonld', 'claim-reviews.jsonld']) {
      for (const [query, field] of [
        ['status=PUBLISHED', 'status'],
        ['sourceId=not-a-uuid', 'sourceId'],
        ['claimantId=42', 'claimantId'],
        ['since=yesterday', 'since'],
        ['since=2024-13-45', 'since'],
        ['stauts=VERIFIED', 'stauts'],
        ['sourceId=00000000-0000-4000-8000-000000000000&sourceId=00000000-0000-4000-8000-000000000001', 'sourceId'],
      ]) {
        const response = await fetch(`${server.url}/exports/${file}?${query}`);
        expect(response.status, `${file}?${query}`).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        const body = await response.json();
        expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(body.errors[0].extensions.fields.map((problem: { field: string }) => problem.field)).toEqual([field]);
      }
    }
    const missing = await fetch(`${server.url}/exports/claims.xlsx`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('mints the same IRIs whatever Host a request came by, under PUBLIC_URL', async () => {
    const one = await get('/exports/claim-reviews.jsonld');
    const other = await get('/exports/claim-reviews.jsonld', { 'x-forwarded-host': 'prov.example.org', host: 'prov.example.org' });
    expect(other.text).toBe(one.text);
    expect(one.text).toContain(`${server.config.publicUrl}/id/claim/`);
    expect(one.text).not.toContain('prov.example.org');
  });

  it('dereferences a claim IRI: a browser goes to its console page, a linked-data client gets its PROV description', async () => {
    const [claim] = (await db.dataSource.query(
      `SELECT id FROM claims WHERE status = 'VERIFIED' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`,
    )) as Array<{ id: string }>;
    const browser = await fetch(`${server.url}/id/claim/${claim!.id}`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
      redirect: 'manual',
    });
    expect(browser.status).toBe(303);
    expect(new URL(browser.headers.get('location')!, `${server.url}/id/claim/${claim!.id}`).href).toBe(
      `${server.url}/#/claims/${claim!.id}/show`,
    );
    expect(browser.headers.get('vary')).toMatch(/accept/i);

    const { status, headers, text } = await get(`/id/claim/${claim!.id}`, { accept: 'application/ld+json' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const nodes = await expand(JSON.parse(text));
    const iri = `${server.config.publicUrl}/id/claim/${claim!.id}`;
    const described = ofType(nodes, `${SCHEMA}Claim`);
    expect(described.map((node) => node['@id'])).toEqual([iri]);
    // Its versions and the evidence it rests on come with it; no other claim does.
    expect(nodes.some((node) => ids(node[`${PROV}specializationOf`]).includes(iri))).toBe(true);
    expect(ofType(nodes, `${OA}Annotation`).length).toBeGreaterThan(0);
  });

  it('answers 404 for an IRI the caller may not see, as the API would, and shows it to staff', async () => {
    const unseen = `/id/claim/${hidden.claims[0]}`;
    expect((await get(unseen, { accept: 'application/ld+json' })).status).toBe(404);
    expect((await get(unseen, { accept: 'application/ld+json', ...client })).status).toBe(404);
    expect((await get(unseen, { accept: 'application/ld+json', ...staff })).status).toBe(200);
    expect((await get(`/id/event/${hidden.events[0]}`, { accept: 'application/ld+json' })).status).toBe(404);
    expect((await get(`/id/evidence/${hidden.evidence[0]}`, { accept: 'application/ld+json' })).status).toBe(404);
    expect((await get('/id/claim/not-a-uuid', { accept: 'application/ld+json' })).status).toBe(404);
    expect((await get('/id/spaceship/00000000-0000-4000-8000-000000000000', { accept: 'application/ld+json' })).status).toBe(404);
  });

  it('dereferences source and entity IRIs to schema.org descriptions, and /ns to the vocabulary the exports use', async () => {
    const [source] = (await db.dataSource.query(`SELECT id FROM sources LIMIT 1`)) as Array<{ id: string }>;
    const sourceNodes = await expand(JSON.parse((await get(`/id/source/${source!.id}`, { accept: 'application/ld+json' })).text));
    expect(sourceNodes[0]!['@type']).toEqual([`${SCHEMA}CreativeWork`]);
    expect(ids(sourceNodes[0]![`${SCHEMA}url`])).toEqual(['https://example.org/myanmar-russia']);
    const [putin] = (await db.dataSource.query(`SELECT id FROM entities WHERE name = 'Vladimir Putin'`)) as Array<{ id: string }>;
    const entityNodes = await expand(JSON.parse((await get(`/id/entity/${putin!.id}`, { accept: 'application/ld+json' })).text));
    expect(entityNodes[0]!['@type']).toEqual([`${SCHEMA}Person`]);

    const vocabulary = await expand(JSON.parse((await get('/ns', { accept: 'application/ld+json' })).text));
    const terms = vocabulary.map((node) => node['@id']);
    // Every term the exports mint under /ns# is defined there.
    const used = new Set<string>();
    for (const file of ['evidence.jsonld', 'provenance.jsonld']) {
      for (const match of JSON.stringify(await expand(JSON.parse((await get(`/exports/${file}`)).text))).matchAll(
        /"(http[^"]*\/ns#[A-Za-z]+)"/g,
      ))
        used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const term of used) expect(terms).toContain(term);
  });
});

describe('streamed exports', () => {
  const CLAIMS = 1_200;
  let db: TestDatabase;
  let server: TestServer;
  let staff: Record<string, string>;
  let expected: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db);
    const editor = await createEditor(db.dataSource);
    staff = { authorization: `Bearer ${await new SessionTokens(server.config.auth.secret, 600).issue(editor.id, 0)}` };
    const claims = claimsService(db.dataSource);
    const context: WriteContext = { actor: `user:${editor.id}`, actorUserId: editor.id, requestId: null };
    for (let i = 0; i < CLAIMS; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          claims.create(context, {
            text: `Claim ${i + j}, "quoted"`,
            claimantLabel: 'a speaker',
            attribution: Attribution.REPORTED_SPEECH,
            modality: ClaimModality.ASSERTED,
          }),
        ),
      );
    }
    expected = ((await db.dataSource.query(`SELECT id FROM claims ORDER BY created_at, id`)) as Array<{ id: string }>).map((row) => row.id);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  /** Holds every read of the claims table until released, as a long-running statement would. */
  async function lockClaims() {
    const runner = db.owner.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('LOCK TABLE claims IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await runner.rollbackTransaction();
      await runner.release();
    };
  }

  const exportReadsWaiting = async () =>
    (
      (await db.owner.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%keyset_at%'`,
      )) as Array<{ n: number }>
    )[0]!.n;

  async function until(condition: () => Promise<boolean>): Promise<void> {
    for (let tries = 0; !(await condition()); tries++) {
      if (tries > 100) throw new Error('Timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('reads batch after batch: every claim once, in (created_at, id) order', async () => {
    const before = db.statements.count;
    const { status, text } = await fetch(`${server.url}/exports/claims.csv`, { headers: staff }).then(async (r) => ({
      status: r.status,
      text: await r.text(),
    }));
    expect(status).toBe(200);
    const claims = records(parseCsv(text));
    expect(claims.map((claim) => claim.id)).toEqual(expected);
    expect(new Set(claims.map((claim) => claim.text))).toEqual(new Set(Array.from({ length: CLAIMS }, (_, i) => `Claim ${i}, "quoted"`)));
    // Three batches of at most 500, each a handful of statements: none per claim.
    expect(db.statements.count - before).toBeLessThan(20);
  });

  it('holds the status back until the first batch is read, so that a failure then can still say so, then sends every row', async () => {
    const release = await lockClaims();
    let answered = false;
    const pending = fetch(`${server.url}/exports/claims.csv`, { headers: staff }).then((response) => {
      answered = true;
      return response;
    });
    await until(async () => (await exportReadsWaiting()) === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    await release();
    const response = await pending;
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('id,text,claimant,')).toBe(true);
    expect(records(parseCsv(text))).toHaveLength(CLAIMS);
  });

  it('stops reading when the client goes away', async () => {
    const release = await lockClaims();
    const abort = new AbortController();
    const response = fetch(`${server.url}/exports/provenance.jsonld`, { headers: staff, signal: abort.signal }).catch(() => undefined);
    await until(async () => (await exportReadsWaiting()) === 1);
    const sent = db.statements.count;
    abort.abort();
    await response;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The batch already asked for comes back; nothing is looked up for it, and no further batch is read.
    expect(db.statements.count - sent).toBe(0);
  });
});
