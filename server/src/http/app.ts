import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';

import type { Config } from '../config.js';
import { loadSigningKey } from '../core/checkpoints/signing-key.js';
import { positionReader } from '../db/commit-position.js';
import type { Database } from '../db/data-source.js';
import { ReadReplicas } from '../db/read-replicas.js';
import { revisionSignal } from '../db/revision-signal.js';
import { createLoaders, createServices, type Loaders, type RequestContext } from '../graphql/context.js';
import { documentLimits } from '../graphql/document-limits.js';
import { formatError, withUnavailableStatus } from '../graphql/errors.js';
import { compiledExecution } from '../graphql/executor.js';
import {
  costLimit,
  MAX_ALIASES,
  MAX_QUERY_DEPTH,
  MAX_QUERY_SELECTIONS,
  MAX_QUERY_TOKENS,
  operationPricer,
  runnableRequest,
  storableTextOnly,
  tryAgainLaterStatuses,
} from '../graphql/limits.js';
import { passthroughRunner } from '../graphql/passthrough.js';
import { passthroughRoots } from '../graphql/passthrough-roots.js';
import { getSchema } from '../graphql/schema.js';
import { confirmedByEdit } from '../graphql/unconfirmed-viewer.js';
import { adminDistDir } from '../paths.js';
import { consoleFiles } from './console-files.js';
import { Iris } from './exports/iris.js';
import { exportsRouter } from './exports/router.js';
import { badBody, graphqlHandlers, MAX_BODY_BYTES, NOT_JSON } from './graphql-post.js';
import { idempotencyPlugin } from './idempotency.js';
import { linkedDataRouter } from './linked-data.js';
import { PlainDocuments } from './plain-documents.js';
import { publicAnswerPlugin, PublicAnswers, reportPublicAnswers } from './public-answers.js';
import { receiptsRouter } from './receipts.js';
import { provisionalViewerOf, sessionCookieFor, viewerOf } from './session.js';
import { serveSubscriptions } from './subscriptions.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The console runs only its own scripts, so words from a source that slip into the page as markup cannot run;
 * MUI writes its styles inline. It may not be framed (clickjacking) or post forms elsewhere.
 */
const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
/** GraphiQL's stylesheet carries its fonts as data: URLs. */
const EXPLORER_POLICY = `${CONSOLE_POLICY}; font-src 'self' data:`;

function pageHeaders(res: Response, policy: string): void {
  res.setHeader('content-security-policy', policy);
  res.setHeader('x-content-type-options', 'nosniff');
  // Record ids in the console's addresses are nobody else's business: a link to a source's site sends no referrer.
  res.setHeader('referrer-policy', 'same-origin');
}

export interface HttpApp {
  /** An HTTP server answering with this app, listening once `listening` is emitted. */
  listen(port: number, host: string): Server;
  stop(): Promise<void>;
}

function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function createHttpApp(config: Config, database: Database, log: (message: string, error?: unknown) => void): Promise<HttpApp> {
  const { dataSource } = database;
  const replicas = config.replicas.urls.length > 0 ? new ReadReplicas(dataSource, config.replicas, config.db, config.auth, log) : null;
  await replicas?.start();
  const services = createServices(dataSource, config.auth, loadSigningKey(config), config.jobs);
  const schema = await getSchema();
  const roots = passthroughRoots(schema, dataSource.manager);
  const price = operationPricer(schema);
  const execution = compiledExecution(schema, roots);
  const apollo = new ApolloServer<RequestContext>({
    gateway: execution.gateway,
    introspection: config.graphql.introspection,
    hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: formatError(config.env === 'development', (error) => log('GraphQL request failed', error)),
    validationRules: [documentLimits({ maxDepth: MAX_QUERY_DEPTH, maxAliases: MAX_ALIASES, maxSelections: MAX_QUERY_SELECTIONS })],
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    // main.ts stops the server in order: HTTP, then the pool, then the embedded PostgreSQL.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Apollo's own landing page loads from a CDN; the explorer below is served from the project's packages.
    // Apollo's cache-control plugin hooks every field of every answer to work out a max-age that is always 0 here
    // (nothing is declared cacheable); the header it then sends is set below instead, at no cost per field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      runnableRequest(),
      storableTextOnly(),
      costLimit(price),
      idempotencyPlugin(dataSource, config.auth.secret),
      tryAgainLaterStatuses(),
      publicAnswerPlugin(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Only public GraphQL GETs may be cached, and they get their ETag where they are answered (graphql-post.ts).
  app.set('etag', false);
  const identify = (req: Request, res: Response) => res.setHeader('x-request-id', requestIdOf(req));
  const noStore = (res: Response) => res.setHeader('cache-control', 'private, no-store');
  app.use((req, res, next) => {
    identify(req, res);
    next();
  });
  if (replicas) app.use(replicas.scope);

  const beginGraphQL = (req: Request, res: Response) => {
    identify(req, res);
    noStore(res);
  };
  const contextOf = async (req: Request, res: Response): Promise<RequestContext> => {
    const sessionCookie = sessionCookieFor(res, config.auth);
    // Made when a resolver first reads through them: a query PostgreSQL answers whole never does.
    let loaders: Loaders | undefined;
    const unavailable = (error: unknown) => {
      throw withUnavailableStatus(error);
    };
    return {
      viewer: await provisionalViewerOf(req, sessionCookie, services).catch(unavailable),
      confirmViewer: () => viewerOf(req, sessionCookie, services).catch(unavailable),
      requestId: String(res.getHeader('x-request-id')),
      services,
      get loaders() {
        return (loaders ??= createLoaders(dataSource.manager));
      },
      sessionCookie,
      clientAddress: req.ip ?? 'unknown',
      publicAnswer: { keep: false },
    };
  };
  const publicAnswers = config.publicCache.enabled ? new PublicAnswers(positionReader(dataSource), config.publicCache.maxBytes) : null;
  const stopReporting = publicAnswers ? reportPublicAnswers(publicAnswers, log) : () => undefined;
  const graphql = graphqlHandlers(app, apollo, beginGraphQL, contextOf, (error) => log('GraphQL request failed', error), {
    answers: publicAnswers,
    config: config.publicCache,
    passthrough: config.graphql.passthrough,
    plain: config.graphql.passthrough
      ? new PlainDocuments(passthroughRunner(schema, roots), price, { run: execution.run, confirming: confirmedByEdit(schema) })
      : null,
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      const pending = await dataSource.showMigrations();
      // The primary serves every read a standby cannot, so a standby out of rotation leaves the server ready.
      const standbys = replicas ? { replicas: replicas.report() } : {};
      if (pending) res.status(503).json({ status: 'migrations pending', ...standbys });
      else res.json({ status: 'ready', ...standbys });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  const explorer = path.join(adminDistDir, 'explorer.html');
  app.get('/graphql', (req, res, next) => {
    const browser = req.get('accept')?.includes('text/html') ?? false;
    if (!config.graphql.explorer || !browser || req.query.query !== undefined || !fs.existsSync(explorer)) return next();
    pageHeaders(res, EXPLORER_POLICY);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(explorer, { cacheControl: false });
  });
  app.get('/graphql', graphql.get);

  // Every GraphQL request graphql.post and graphql.get leave: POSTs whose body graphql.post does not read itself.
  app.use(
    '/graphql',
    (_req, res, next) => {
      noStore(res);
      next();
    },
    express.json({ limit: MAX_BODY_BYTES }),
    // The body parser calls on from the request stream's events, outside the scope opened before it.
    ...(replicas ? [replicas.scope] : []),
    expressMiddleware(apollo, { context: ({ req, res }) => contextOf(req, res) }),
  );

  // Bodies that never reach GraphQL (not JSON, too large) still get a JSON answer with a code, never a page or a trace.
  app.use('/graphql', (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error?.status || error.status >= 500) return next(error);
    res
      .status(error.status)
      .json(badBody(error.type === 'entity.too.large' ? `The request body is over ${MAX_BODY_BYTES / 2 ** 20} MiB` : NOT_JSON));
  });

  const iris = new Iris(config.publicUrl);
  app.use('/exports', exportsRouter({ dataSource, services, auth: config.auth, iris, log }));
  app.use(linkedDataRouter({ dataSource, services, auth: config.auth, iris, log }));
  app.use(receiptsRouter({ dataSource, services, auth: config.auth, iris, log }));

  const consoleIndex = path.join(adminDistDir, 'index.html');
  app.use(consoleFiles(adminDistDir, (res, file) => pageHeaders(res, file === explorer ? EXPLORER_POLICY : CONSOLE_POLICY)));
  app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
    pageHeaders(res, CONSOLE_POLICY);
    res.setHeader('cache-control', 'no-cache');
    if (fs.existsSync(consoleIndex)) res.sendFile(consoleIndex, { cacheControl: false });
    else res.status(404).type('text').send('The console is not built: run `npm run build`.');
  });

  const signal = revisionSignal(dataSource, config.databaseListenUrl, log);
  const stopping: Array<() => Promise<void>> = [];
  return {
    listen: (port, host) => {
      const server = createServer((req, res) => {
        const fast = replicas ? replicas.run(req, res, () => graphql.post(req, res)) : graphql.post(req, res);
        if (!fast) app(req, res);
      });
      const live = { schema, services, signal, config, log, sendTimeoutMs: config.graphql.subscriptionSendTimeoutMs };
      stopping.push(serveSubscriptions(server, { ...live, loaders: () => createLoaders(dataSource.manager) }));
      return server.listen(port, host);
    },
    stop: async () => {
      await Promise.all(stopping.map((stop) => stop()));
      await signal.close();
      stopReporting();
      await apollo.stop();
      await replicas?.stop();
    },
  };
}
