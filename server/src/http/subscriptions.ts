import type { IncomingMessage, Server } from 'node:http';

import type { Request } from 'express';
import {
  type DocumentNode,
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { type Extra, useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import type { Config } from '../config.js';
import type { Viewer } from '../core/access/viewer.js';
import { ErrorCode } from '../core/errors.js';
import type { RevisionSignal } from '../db/revision-signal.js';
import type { LiveContext, Loaders, RequestContext, Services } from '../graphql/context.js';
import { documentLimits } from '../graphql/document-limits.js';
import { formatError } from '../graphql/errors.js';
import {
  MAX_ALIASES,
  MAX_QUERY_COST,
  MAX_QUERY_DEPTH,
  MAX_QUERY_SELECTIONS,
  MAX_QUERY_TOKENS,
  operationCost,
  tooCostly,
} from '../graphql/limits.js';
import { SESSION_COOKIE, viewerOf } from './session.js';

/** The close code a client too slow to take its changes gets (graphql-ws leaves 4500–4999 to applications). */
export const TOO_SLOW = 4508;
/** A subscription message is a document and its variables: the same bound as documents over HTTP, well inside. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 10;

export interface LiveOptions {
  schema: GraphQLSchema;
  services: Services;
  signal: RevisionSignal;
  config: Config;
  loaders: () => Loaders;
  log: (message: string, error?: unknown) => void;
  /** How long one change may take to go out before its connection is dropped (TOO_SLOW). */
  sendTimeoutMs: number;
}

interface ConnectionState {
  viewer: Viewer;
}

const refusal = (message: string, code = ErrorCode.BAD_USER_INPUT) => new GraphQLError(message, { extensions: { code } });

/** The headers of the upgrade request, as the HTTP layer's `viewerOf` reads a request. */
function asRequest(request: IncomingMessage, authorization: string | undefined): Request {
  const headers: Record<string, string | string[] | undefined> = { ...request.headers, ...(authorization ? { authorization } : {}) };
  return { headers, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

/**
 * A session cookie rides along on any WebSocket a page opens to this host, whoever's page it is: a cookie counts
 * only when the page that opened the socket is served from this host (its Origin), as a same-site form would be.
 */
function crossSiteCookie(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin || !(request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The graphql-ws server's options: authentication as over HTTP, subscriptions only, the same document limits. */
export function liveServerOptions(
  options: LiveOptions,
): ServerOptions<Record<string, unknown> | undefined, Extra & Partial<ConnectionState>> {
  const { schema, services, signal, config, loaders, log, sendTimeoutMs } = options;
  const format = formatError(config.env === 'development', (error) => log('GraphQL subscription failed', error));
  const rules = [
    ...specifiedRules,
    documentLimits({ maxDepth: MAX_QUERY_DEPTH, maxAliases: MAX_ALIASES, maxSelections: MAX_QUERY_SELECTIONS }),
  ];
  return {
    schema,
    async onConnect(ctx) {
      const given = ctx.connectionParams?.authorization;
      const request = ctx.extra.request;
      if (crossSiteCookie(request) && typeof given !== 'string') return false;
      const sessionCookie = { set: () => undefined, clear: () => undefined };
      try {
        (ctx.extra as ConnectionState).viewer = await viewerOf(
          asRequest(request, typeof given === 'string' ? given : undefined),
          sessionCookie,
          services,
        );
      } catch (error) {
        log('A WebSocket connection was refused', error);
        return false;
      }
      return true;
    },
    onSubscribe(ctx, _id, payload) {
      if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION)
        return [refusal(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`)];
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
      } catch (error) {
        return [refusal((error as Error).message, ErrorCode.GRAPHQL_PARSE_FAILED)];
      }
      const invalid = validate(schema, document, rules);
      if (invalid.length) return invalid.map((error) => refusal(error.message, ErrorCode.GRAPHQL_VALIDATION_FAILED));
      const operation = getOperationAST(document, payload.operationName);
      if (operation?.operation !== OperationTypeNode.SUBSCRIPTION)
        return [refusal('Only subscriptions run over WebSocket: send queries and mutations by HTTP POST')];
      let cost: number;
      try {
        cost = operationCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
      } catch {
        cost = 0;
      }
      if (cost > MAX_QUERY_COST) return [tooCostly(cost)];
      const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      return args;
    },
    context(ctx, id): RequestContext {
      const live: LiveContext = {
        signal,
        sendTimeoutMs,
        drop: (reason) => ctx.extra.socket.close(TOO_SLOW, reason.slice(0, 120)),
      };
      return {
        viewer: (ctx.extra as ConnectionState).viewer!,
        requestId: `ws:${id}`,
        services,
        loaders: loaders(),
        sessionCookie: { set: () => undefined, clear: () => undefined },
        clientAddress: ctx.extra.request.socket.remoteAddress ?? 'unknown',
        live,
      };
    },
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return result;
      return {
        ...result,
        errors: result.errors.map((error) => format(error instanceof GraphQLError ? error.toJSON() : { message: String(error) }, error)),
      };
    },
  };
}

/** Serves graphql-ws subscriptions on the HTTP server's /graphql; answers the stop function. */
export function serveSubscriptions(server: Server, options: LiveOptions): () => Promise<void> {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });
  const served = useServer(liveServerOptions(options), sockets);
  return async () => {
    await served.dispose();
  };
}
