import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { adminDistDir, schemaFile } from '../src/paths.js';
import { seedAll } from '../src/seed/seed.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/http.js';

describe('over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db, {}, (message) => logged.push(message));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('reports the process alive at /healthz and the database ready at /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the seeded records at /graphql', async () => {
    const { status, body } = await server.post({
      query: '{ sources { totalCount edges { node { title kind reliability } } } entities { totalCount } }',
    });
    expect(status).toBe(200);
    expect(body.data.sources.edges[0].node).toEqual({
      title: 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement',
      kind: 'NEWS_ARTICLE',
      reliability: 'C',
    });
    expect(body.data.entities.totalCount).toBeGreaterThanOrEqual(20);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await server.post({ query: '{ sources { totalCount } }' }, { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await server.post({ query: '{ sources { totalCount } }' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers bad documents with a 400 and Apollo's codes, never a 500", async () => {
    const syntax = await server.post({ query: '{ sources { ' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await server.post({ query: '{ sources { nope } }' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badArgument = await server.post({ query: '{ sources(first: "many") { totalCount } }' });
    expect(badArgument.status).toBe(400);
    expect(badArgument.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVariable = await server.post({
      query: 'query($first: Int) { sources(first: $first) { totalCount } }',
      variables: { first: 'many' },
    });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const notJson = await server.post('{"query": ');
    expect(notJson.status).toBe(400);
  });

  it('answers a persisted-query hash it has not seen with PERSISTED_QUERY_NOT_FOUND, which is how a client knows to send the text', async () => {
    const query = '{ sources { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await server.post({ extensions });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(miss.status).toBe(200);
    const registered = await server.post({ query, extensions });
    expect(registered.body.data.sources.totalCount).toBeGreaterThan(0);
    const hit = await server.post({ extensions });
    expect(hit.body).toEqual(registered.body);
  });

  it('loads the whole schema with the introspection query every GraphQL tool sends, and it is the schema of schema.graphql', async () => {
    const asGraphiQLSends = await server.post({ query: getIntrospectionQuery() });
    expect(asGraphiQLSends.status).toBe(200);
    expect(asGraphiQLSends.body.errors).toBeUndefined();
    const everyOption = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const { status, body } = await server.post({ query: everyOption });
    expect(status).toBe(200);
    const loaded = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
    const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(schemaFile, 'utf8'))));
    expect(loaded).toBe(committed);
  });

  it('refuses with a coded 400 an operationName naming no operation, several operations unnamed, and variables nested 5,000 deep or 8,000 wide', async () => {
    const unknown = await server.post({ query: 'query A { me { id } }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      message: 'The operationName names no operation of the document',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unnamed = await server.post({ query: 'query A { me { id } } query B { me { id } }' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await server.post({ query: 'query A { me { id } } query B { me { id } }', operationName: 'B' })).body).toEqual({
      data: { me: null },
    });
    // Written out by hand: JSON.stringify itself runs out of stack on a value this deep.
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ]) {
      const body = `{"query":"{ me { id } }","variables":{"v":{"a":${open!.repeat(5000)}1${close!.repeat(5000)}}}}`;
      const deep = await server.post(body);
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0]).toMatchObject({
        message: 'Variables may nest lists and objects at most 64 deep',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const filter = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, i]));
    const started = performance.now();
    const wide = await server.post({
      query: 'query($filter: ClaimFilter) { claims(filter: $filter) { totalCount } }',
      variables: { filter },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(wide.status).toBe(400);
    expect(wide.body.errors[0]).toMatchObject({
      message: 'An object in variables may have at most 200 fields',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers a null given for a directive argument that may not be null as bad input, also where a resolver reads the selection', async () => {
    const query =
      'query($skip: Boolean = false) { search(query: "x") { edges { node { record { ... on Claim { id @include(if: $skip) } } } } } }';
    for (let run = 0; run < 2; run++) {
      const { body } = await server.post({ query, variables: { skip: null } });
      expect(body.errors[0]).toMatchObject({
        message: 'Argument "if" of non-null type "Boolean!" must not be null.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('refuses a page over 100 with a clear error', async () => {
    const { body } = await server.post({ query: '{ claims(first: 500) { totalCount } }' });
    expect(body.errors[0]).toMatchObject({ message: 'first: must be from 0 to 100', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses queries nested too deep, and too long, before running them', async () => {
    const deep = `{ events { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { title } } } } } } } } } } } } } }`;
    const tooDeep = await server.post({ query: deep });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(tooDeep.body.errors[0].message).toMatch(/levels deep/);
    const long = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: sources { totalCount }`).join(' ')} }`;
    const tooLong = await server.post({ query: long });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('prices a query by the rows it may touch, and refuses one over the limit with 400', async () => {
    const affordable = await server.post({
      query: '{ claims(first: 100) { edges { node { text claimant { name } evidence { selector { exact } } } } } }',
    });
    expect(affordable.status).toBe(200);
    const costly = await server.post({
      query: '{ events(first: 100) { edges { node { claims { evidence { source { title } sourceRevision { text } } } } } } }',
    });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(costly.body.errors[0].message).toMatch(/costs \d+; at most 10000/);
    const viaVariables = await server.post({
      query: 'query($n: Int) { events(first: $n) { edges { node { claims { evidence { source { title } sourceRevision { text } } } } } } }',
      variables: { n: 2 },
    });
    expect(viaVariables.status).toBe(200);
    // Priced once per value of the variables a price depends on (`first`, and directives), whatever the others hold.
    const keyed =
      'query($n: Int, $deep: Boolean!, $types: [String!]) { events(first: $n, filter: { type: $types }) { edges { node { title claims @include(if: $deep) { evidence { source { title } sourceRevision { text } } } } } } }';
    const statusOf = async (variables: Record<string, unknown>) => (await server.post({ query: keyed, variables })).status;
    expect(await statusOf({ n: 100, deep: false, types: ['code-a'] })).toBe(200);
    expect(await statusOf({ n: 100, deep: true, types: ['code-b'] })).toBe(400);
    expect(await statusOf({ n: 2, deep: true, types: ['code-c'] })).toBe(200);
    expect(await statusOf({ n: 100, deep: true, types: ['code-d'] })).toBe(400);
    expect(await statusOf({ deep: true, types: ['code-e'] })).toBe(400);
    expect(await statusOf({ n: 100, deep: false, types: ['code-f'] })).toBe(200);
  });

  it('refuses too many aliases, batched requests, and requests a browser could forge (CSRF)', async () => {
    const aliased = await server.post({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    expect(aliased.status).toBe(400);
    expect(aliased.body.errors[0]).toMatchObject({
      message: 'The query uses 31 aliases; at most 30 are allowed',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const batched = await server.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(batched.status).toBe(400);
    const simple = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(simple.status).toBe(400);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ sources { totalCount } }')}`);
    expect(get.status).toBe(400);
  });

  it('answers a body that is too large, or not JSON, with a JSON error and a code', async () => {
    const huge = await server.post({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const broken = await server.post('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatchObject({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers a GraphQL POST alike whichever way its body comes: with a length, compressed, or in chunks of unknown length', async () => {
    const request = JSON.stringify({
      query: 'query($n: Int) { claims(first: $n) { edges { node { id text claimant { name } } } } }',
      variables: { n: 3 },
    });
    const answer = async (init: RequestInit & { duplex?: 'half' }) => {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', ...init });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        cache: response.headers.get('cache-control'),
        id: response.headers.get('x-request-id'),
        body: await response.json(),
      };
    };
    const withLength = await answer({ headers: { 'content-type': 'application/json', 'x-request-id': 'alike' }, body: request });
    expect(withLength.body.data.claims.edges).toHaveLength(3);
    const compressed = await answer({
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-request-id': 'alike' },
      body: gzipSync(request),
    });
    const chunked = await answer({
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'alike' },
      body: Readable.toWeb(Readable.from([request.slice(0, 20), request.slice(20)])) as ReadableStream,
      duplex: 'half',
    });
    expect(compressed).toEqual(withLength);
    expect(chunked).toEqual(withLength);
    expect(withLength).toMatchObject({ status: 200, type: 'application/json; charset=utf-8', cache: 'private, no-store', id: 'alike' });
  });

  it('lets a client go away in the middle of its body without logging a failure, and keeps answering', async () => {
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":');
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logged).toEqual([]);
    expect((await server.post({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps stack traces and internals out of answers outside development', async () => {
    const { body } = await server.post({ query: '{ claim(id: "x") { id } }' });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});

describe('the explorer', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db, { GRAPHQL_EXPLORER: 'true' });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('opens GraphiQL at /graphql in a browser, served from the project itself with nothing from the internet', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.some((src) => /explorer-.*\.js$/.test(src))).toBe(true);
    for (const asset of scripts) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toMatch(/https:\/\/(unpkg|cdn\.jsdelivr|embeddable-sandbox)/);
    }
    const api = await server.post({ query: '{ me { id } }' });
    expect(api.body).toEqual({ data: { me: null } });
  });

  it('serves the console and the explorer under a Content-Security-Policy that runs only their own scripts, with no inline ones to need more', async () => {
    const policy = (response: Response) =>
      Object.fromEntries(
        response.headers
          .get('content-security-policy')!
          .split('; ')
          .map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
      );
    const consolePolicy = {
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'object-src': "'none'",
    };
    for (const url of ['/', '/claims/some-id/show']) {
      const page = await fetch(`${server.url}${url}`);
      expect(page.status).toBe(200);
      expect(policy(page)).toEqual(consolePolicy);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    const explorer = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(policy(explorer)).toEqual({ ...consolePolicy, 'font-src': "'self' data:" });
    const html = await explorer.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = await fetch(`${server.url}${html.match(/src="(\/assets\/[^"]+\.js)"/)![1]}`);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('sends the console’s hashed files precompressed as the browser takes them, cached for a year, and its pages asked for again every time', async () => {
    /** One GET over a plain socket, its body as the bytes sent: fetch would undo the coding it reports. */
    const get = (url: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(`${server.url}${url}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
        }).once('error', reject);
      });
    const page = await get('/', { 'accept-encoding': 'br, gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(page.body.toString())![1]!;
    const raw = readFileSync(path.join(adminDistDir, script));

    const br = await get(script, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    expect(br.body.length).toBeLessThan(raw.length / 3);

    const gz = await get(script, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);

    const identity = await get(script, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(identity.body.equals(raw)).toBe(true);

    for (const url of ['/index.html', '/claims']) expect((await get(url, {})).headers['cache-control']).toBe('no-cache');
    const explorer = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(explorer.headers.get('cache-control')).toBe('no-cache');
    // An asset an older build named is gone, and says so, rather than answering with the console's page.
    const gone = await get('/assets/index-0ld8uild.js', { 'accept-encoding': 'br' });
    expect(gone.status).toBe(404);
    expect(gone.headers['content-encoding']).toBeUndefined();
  });
});

describe('in production', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db, {
      NODE_ENV: 'production',
      AUTH_SECRET: 'a-production-secret-of-at-least-32-characters',
      CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY,
      PUBLIC_URL: 'https://provenance.example.org',
    });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('turns introspection off and does not suggest field names', async () => {
    const introspection = await server.post({ query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const toolQuery = await server.post({ query: getIntrospectionQuery() });
    expect(toolQuery.status).toBe(400);
    expect(toolQuery.body.data).toBeUndefined();
    const typo = await server.post({ query: '{ sourcez { totalCount } }' });
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
  });
});
