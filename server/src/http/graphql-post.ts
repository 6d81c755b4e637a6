import type { IncomingMessage, ServerResponse } from 'node:http';

import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Express, Request, Response } from 'express';

import type { Config } from '../config.js';
import { ErrorCode } from '../core/errors.js';
import { readAfter } from '../db/read-replicas.js';
import { RawAnswers } from '../graphql/passthrough.js';
import { type PlainContext, type PlainDocuments, plainRequest } from './plain-documents.js';
import { etagOf, matchesTag, type PublicAnswers, publicCacheControl, publicQuestion } from './public-answers.js';
import { publicAudienceOf } from './session.js';

/** The largest body a GraphQL request may have; the same limit applies on both paths. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/json(?:\s*;\s*charset=utf-8)?$/i;

export const NOT_JSON = 'The request body is not valid JSON';

/** What a body that never reaches GraphQL is answered with: a JSON error with a code, never a page or a trace. */
export function badBody(message: string) {
  return { errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A body of one chunk, as most are, is read as it came, without copying it into one buffer first.
    req.on('end', () => resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON object or array, as express.json's strict mode accepts; null for anything else. */
function parseBody(text: string): unknown {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const body: unknown = JSON.parse(unmarked);
    return typeof body === 'object' ? body : null;
  } catch {
    return null;
  }
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Apollo refuses a request a browser could send cross-site without asking first (its CSRF prevention): a GET passes
 * with a preflight header, or a content type no form can send. Answered from the cache only then, a kept answer
 * never reaches a request Apollo would have refused; any other goes to Apollo, which decides.
 */
function preflighted(req: Request): boolean {
  const { headers } = req;
  if (headers['x-apollo-operation-name'] || headers['apollo-require-preflight']) return true;
  const type = headers['content-type']?.split(';')[0]!.trim().toLowerCase();
  return !!type && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) && !FORM_TYPES.has(type);
}

/** Answers to anonymous callers and client apps, kept (or not, when the cache is switched off) and made cacheable by CDNs. */
export interface PublicCaching {
  answers: PublicAnswers | null;
  config: Config['publicCache'];
  /** Whether answers here may hold JSON PostgreSQL wrote, spliced in as they go out (graphql/passthrough.ts). */
  passthrough: boolean;
  /** POSTs of documents known to be answered by PostgreSQL alone, answered without Apollo's pipeline; null: all go to Apollo. */
  plain: PlainDocuments | null;
}

export interface GraphQLHandlers {
  /**
   * The one request clients send all day, a GraphQL POST with a JSON body of known length, answered without going
   * through Express's router and body parser, which cost about 0.2 ms of CPU a request on this machine. The request
   * and response still get Express's prototypes (as Express gives them), so the context is made exactly as on the
   * Express path, which keeps every other request: other bodies, compressed, too large or of unknown length.
   * Returns false for a request it leaves to Express.
   */
  post(req: IncomingMessage, res: ServerResponse): boolean;
  /** A GraphQL GET, which Express routes here: a query in the address, which a CDN may cache when it is public. */
  get(req: Request, res: Response): void;
}

export function graphqlHandlers<C extends BaseContext & PlainContext>(
  app: Express,
  apollo: ApolloServer<C>,
  begin: (req: Request, res: Response) => void,
  context: (req: Request, res: Response) => Promise<C>,
  onError: (error: unknown) => void,
  caching: PublicCaching,
): GraphQLHandlers {
  const handle = (req: Request, res: Response, method: 'GET' | 'POST') => {
    answer(req, res, method).catch((error: unknown) => {
      // A client that went away before its body was in is not the server's failure: there is no one to answer.
      if (req.readableAborted) {
        res.destroy();
        return;
      }
      onError(error);
      if (!res.headersSent)
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.destroy();
    });
  };

  return {
    post(incoming, outgoing) {
      const url = incoming.url ?? '';
      const { headers } = incoming;
      const length = Number(headers['content-length']);
      if (
        incoming.method !== 'POST' ||
        (url !== '/graphql' && !url.startsWith('/graphql?')) ||
        !JSON_TYPE.test(headers['content-type'] ?? '') ||
        headers['content-encoding'] !== undefined ||
        !(length <= MAX_BODY_BYTES)
      ) {
        return false;
      }
      const req = Object.setPrototypeOf(incoming, app.request) as Request;
      const res = Object.setPrototypeOf(outgoing, app.response) as Response;
      req.res = res;
      res.req = req;
      res.locals = Object.create(null);
      begin(req, res);
      handle(req, res, 'POST');
      return true;
    },
    get(req, res) {
      begin(req, res);
      handle(req, res, 'GET');
    },
  };

  async function answer(req: Request, res: Response, method: 'GET' | 'POST'): Promise<void> {
    const at = req.url.indexOf('?');
    const search = at < 0 ? '' : req.url.slice(at);
    let body: unknown;
    let text = search;
    if (method === 'POST') {
      text = await readBody(req);
      body = parseBody(text);
      if (body === null) {
        res.status(400).json(badBody(NOT_JSON));
        return;
      }
    }
    // An Idempotency-Key's request keeps its answer's data as an object (http/idempotency.ts): it goes to Apollo.
    const plain = caching.passthrough && caching.plain && method === 'POST' && !req.headers['idempotency-key'] ? plainRequest(body) : null;
    // Only answers written out here splice in what PostgreSQL wrote, or are handed an edit run without Apollo: a context
    // made elsewhere has neither. A read's context is left without the hand-off, whose extra field it would carry for nothing.
    const edit = plain !== null && plain.query.includes('mutation');
    const contextFor = (): Promise<C> =>
      caching.passthrough
        ? context(req, res).then((value) =>
            Object.assign(value, edit ? { rawAnswers: new RawAnswers(), handOff: {} } : { rawAnswers: new RawAnswers() }),
          )
        : context(req, res);
    const accept = req.headers.accept ?? '';
    const run = async (made: Promise<C>): Promise<HTTPGraphQLResponse> => {
      const fast = plain && (await caching.plain!.answer(plain, accept, made));
      if (fast) return fast;
      // Made here, when Apollo is asked: a document answered without it never reads them so.
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body },
        context: () => made,
      });
      const contextValue = response.body.kind === 'complete' ? await made.catch(() => null) : null;
      const rawAnswers = contextValue?.rawAnswers;
      if (plain) caching.plain!.learn(plain, accept, contextValue, response);
      return rawAnswers && response.body.kind === 'complete'
        ? { ...response, body: { kind: 'complete', string: rawAnswers.splice(response.body.string) } }
        : response;
    };

    const audience = publicAudienceOf(req);
    const question = audience && publicQuestion(audience, method, req.headers.accept ?? '', text);
    if (!question) {
      await send(res, await run(contextFor()));
      return;
    }
    const { answers, config } = caching;
    const cacheable = method === 'GET';
    const made = contextFor();
    // Apollo reports a context that fails; until it is handed over, the failure must not count as unhandled.
    made.catch(() => undefined);
    // A key is checked before anything kept is handed out: a revoked one gets its 401, as without the cache.
    if (
      question.audience === 'client' &&
      !(await made.then(
        () => true,
        () => false,
      ))
    ) {
      await send(res, await run(made));
      return;
    }
    // A database that cannot say where it stands cannot answer the query either: Apollo then says so, with its status.
    const looked = answers && (method === 'POST' || preflighted(req)) ? await answers.lookup(question).catch(() => null) : null;
    if (looked && 'hit' in looked) {
      res.setHeader('x-cache', 'HIT');
      const { body: kept, etag, contentType } = looked.hit;
      if (cacheable) sendPublic(req, res, kept, etag, contentType, config);
      else {
        res.setHeader('content-type', contentType);
        res.setHeader('content-length', kept.length);
        res.end(kept);
      }
      return;
    }

    // An answer kept under the primary's commit position is worked out where that position holds: on a standby that
    // has replayed past it, else the primary. A lagging standby's answer would be kept as current, and handed out
    // until the next commit anywhere (docs/replicas.md).
    if (looked) readAfter(looked.lsn);
    const response = await run(made);
    const contextValue = await made.catch(() => null);
    if (!contextValue?.publicAnswer?.keep || response.body.kind !== 'complete' || (!cacheable && !looked)) {
      await send(res, response);
      return;
    }
    const fresh = Buffer.from(response.body.string);
    const etag = etagOf(fresh);
    const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
    if (looked) {
      answers!.keep(question, looked.position, fresh, etag, contentType);
      res.setHeader('x-cache', 'MISS');
    }
    if (!cacheable) {
      await send(res, response);
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    sendPublic(req, res, fresh, etag, contentType, config);
  }
}

/** A GET answer anyone may keep for a while: with its tag, or just the tag when the caller holds the answer already. */
function sendPublic(req: Request, res: Response, body: Buffer, etag: string, contentType: string, config: Config['publicCache']): void {
  res.setHeader('cache-control', publicCacheControl(config));
  res.setHeader('etag', etag);
  res.setHeader('vary', 'Accept');
  if (matchesTag(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', body.length);
  res.end(body);
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
