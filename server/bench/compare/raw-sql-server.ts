/**
 * The floor: a bare node:http handler that answers each benchmark query with one hand-written SQL statement,
 * PostgreSQL building the very JSON this server answers, which is written out as is. No GraphQL, no checks
 * beyond the statement's own. POST /<query> with a JSON body of variables. Started by the comparison with
 * DATABASE_URL, PORT and DB_POOL_SIZE.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import pg from 'pg';

import { APP_ROLE } from '../../src/db/data-source.js';
import { SEARCH_CLAIMS, UPDATE_CLAIM_TEXT_ANSWER } from './sql.js';

const PUBLIC = `('VERIFIED', 'RETRACTED')`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** This server's cursor: base64url of the JSON [createdAt, id]. */
const cursor = (alias: string) =>
  `translate(encode(convert_to('["' || ${iso(`${alias}.created_at`)} || '","' || ${alias}.id || '"]', 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
const visibleClaims = `deleted_at IS NULL AND status IN ${PUBLIC}`;
const evidenceOf = (owner: string, fields: string) => `(
  SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY e.start_pos, e.id), '[]')
    FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id JOIN sources s ON s.id = r.source_id
   WHERE e.${owner} AND e.deleted_at IS NULL)`;

/** A page of claims, newest first, after a cursor or from the start: $1 size, $2 and $3 the cursor's key. */
const CLAIMS_PAGE = `
  WITH page AS (
    SELECT id, text, attribution, modality, credibility, status, created_at FROM claims
     WHERE ${visibleClaims} AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $1 + 1),
  numbered AS (SELECT p.*, row_number() OVER (ORDER BY created_at DESC, id DESC) AS n, ${cursor('p')} AS cursor FROM page p)
  SELECT json_build_object('data', json_build_object('claims', json_build_object(
    'edges', coalesce((SELECT json_agg(json_build_object('cursor', cursor, 'node', json_build_object(
               'id', id, 'text', text, 'attribution', attribution, 'modality', modality, 'credibility', credibility,
               'status', status, 'createdAt', ${iso('created_at')})) ORDER BY n) FROM numbered WHERE n <= $1), '[]'),
    'pageInfo', json_build_object(
      'hasNextPage', (SELECT count(*) > $1 FROM numbered),
      'endCursor', (SELECT cursor FROM numbered WHERE n <= $1 ORDER BY n DESC LIMIT 1)))))::text AS answer`;

const CLAIMS_WITH_PROVENANCE = `
  SELECT json_build_object('data', json_build_object('claims', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', c.id, 'text', c.text,
    'claimant', (SELECT json_build_object('id', n.id, 'name', n.name) FROM entities n WHERE n.id = c.claimant_id),
    'evidence', ${evidenceOf('claim_id = c.id', `'selector', json_build_object('exact', e.exact, 'start', e.start_pos, 'end', e.end_pos), 'source', json_build_object('id', s.id, 'title', s.title)`)}
  )) ORDER BY c.created_at DESC, c.id DESC), '[]'))))::text AS answer
  FROM (SELECT * FROM claims WHERE ${visibleClaims} ORDER BY created_at DESC, id DESC LIMIT $1) c`;

const EVENTS_CLAIMS_EVIDENCE = `
  SELECT json_build_object('data', json_build_object('events', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', v.id, 'title', v.title,
    'claims', (
      SELECT coalesce(json_agg(json_build_object('id', c.id, 'text', c.text,
               'evidence', ${evidenceOf('claim_id = c.id', `'selector', json_build_object('exact', e.exact), 'source', json_build_object('title', s.title)`)}
             ) ORDER BY c.created_at, c.id), '[]')
        FROM claim_events l JOIN claims c ON c.id = l.claim_id
       WHERE l.event_id = v.id AND c.deleted_at IS NULL AND c.status IN ${PUBLIC})
  )) ORDER BY v.created_at DESC, v.id DESC), '[]'))))::text AS answer
  FROM (SELECT * FROM events WHERE deleted_at IS NULL AND status IN ${PUBLIC} ORDER BY created_at DESC, id DESC LIMIT $1) v`;

const SEARCH = `
  SELECT json_build_object('data', json_build_object('search', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'type', 'CLAIM', 'score', h.score, 'snippet', h.snippet, 'record', json_build_object('id', h.id, 'text', h.text)))), '[]'))))::text AS answer
  FROM (${SEARCH_CLAIMS}) h`;

type Variables = Record<string, unknown>;

function cursorKey(after: unknown): [string | null, string | null] {
  if (typeof after !== 'string') return [null, null];
  const [createdAt, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [string, string];
  return [createdAt, id];
}

const ROUTES: Record<string, { sql: string; values(variables: Variables): unknown[] }> = {
  '/claims-page': { sql: CLAIMS_PAGE, values: (v) => [v.first, ...cursorKey(v.after)] },
  '/claims-provenance': { sql: CLAIMS_WITH_PROVENANCE, values: (v) => [v.first] },
  '/events-claims-evidence': { sql: EVENTS_CLAIMS_EVIDENCE, values: (v) => [v.first] },
  '/search': { sql: SEARCH, values: (v) => [v.query, v.first] },
  '/update-claim': { sql: UPDATE_CLAIM_TEXT_ANSWER, values: (v) => [v.id, v.expectedVersion, v.text, v.reason, v.actor, randomUUID()] },
};

async function body(req: IncomingMessage): Promise<Variables> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Variables;
}

const reply = (res: ServerResponse, status: number, json: string) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
};

async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE),
    options: `-c role=${APP_ROLE}`,
  });
  const server = createServer((req, res) => {
    const route = ROUTES[req.url ?? ''];
    if (req.method !== 'POST' || !route) return reply(res, 404, '{"errors":[{"message":"no such query"}]}');
    body(req)
      .then((variables) => pool.query<{ answer: string }>({ text: route.sql, values: route.values(variables) }))
      .then(({ rows }) => reply(res, 200, rows[0]?.answer ?? '{"errors":[{"message":"CONFLICT"}]}'))
      .catch((error: unknown) =>
        reply(res, 500, JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] })),
      );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
