import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';

import type { Config } from '../config.js';
import { Role } from '../core/access/roles.js';
import { ANONYMOUS, type Viewer } from '../core/access/viewer.js';
import { ErrorCode } from '../core/errors.js';
import { admitReads } from '../db/read-replicas.js';
import type { Services } from '../graphql/context.js';
import { API_KEY_PREFIX } from '../modules/users/api-keys.service.js';
import type { SessionCookie } from '../modules/users/sessions.js';
import type { Audience } from './public-answers.js';

export const SESSION_COOKIE = 'ps_session';

function cookiesOf(req: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      try {
        cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
      } catch {
        // a malformed cookie is ignored, like a missing one
      }
    }
  }
  return cookies;
}

export function sessionCookieFor(res: Response, auth: Config['auth']): SessionCookie {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure: auth.secureCookies, path: '/' };
  return {
    set: (token, maxAgeSeconds) => res.cookie(SESSION_COOKIE, token, { ...options, maxAge: maxAgeSeconds * 1000 }),
    clear: () => res.clearCookie(SESSION_COOKIE, options),
  };
}

/**
 * Whose answers a request may share, from its headers alone: a client app's key (checked afterwards, as for any
 * request) or nobody. Null for a session, or credentials of any other shape: answers to those are never kept.
 */
export function publicAudienceOf(req: Request): Audience | null {
  const header = req.headers.authorization;
  if (header !== undefined) return header.startsWith(`Bearer ${API_KEY_PREFIX}`) ? 'client' : null;
  return cookiesOf(req).has(SESSION_COOKIE) ? null : 'anonymous';
}

/**
 * Who a request comes from: the session in its cookie (or an `Authorization: Bearer` session token), checked
 * for signature, issuer, audience and expiry, and the user re-read so a disabled account, or a session of an
 * ended generation, stops at once.
 * A session past half its life is renewed on the way out.
 */
export async function viewerOf(req: Request, cookie: SessionCookie, services: Services): Promise<Viewer> {
  const viewer = await identify(req, cookie, services);
  admitReads(viewer);
  return viewer;
}

/**
 * As `viewerOf`, but a session whose user this process last found active at the token's generation is taken with
 * the roles found then, unconfirmed: the GraphQL executor confirms it before anything runs, unless the operation is
 * an edit that confirms it in its own first statement (graphql/unconfirmed-viewer.ts). Not for a request with an
 * Idempotency-Key (a kept answer is handed out before anything runs), nor for a session due for renewal.
 */
export async function provisionalViewerOf(req: Request, cookie: SessionCookie, services: Services): Promise<Viewer> {
  const viewer =
    (req.headers['idempotency-key'] === undefined && (await unconfirmedViewer(req, services))) || (await identify(req, cookie, services));
  admitReads(viewer);
  return viewer;
}

async function unconfirmedViewer(req: Request, services: Services): Promise<Viewer | null> {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  if (bearer?.startsWith(API_KEY_PREFIX)) return null;
  const token = bearer ?? cookiesOf(req).get(SESSION_COOKIE) ?? null;
  const session = token ? await services.sessions.verify(token) : null;
  if (!session || services.sessions.wantsRenewal(session)) return null;
  const roles = services.users.lastSeenRoles(session.userId, session.generation);
  if (!roles) return null;
  return {
    userId: session.userId,
    roles,
    unconfirmed: { userId: session.userId, generation: session.generation, roles, confirmed: false },
  };
}

async function identify(req: Request, cookie: SessionCookie, services: Services): Promise<Viewer> {
  const header = req.header('authorization');
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  if (bearer?.startsWith(API_KEY_PREFIX)) {
    const key = await services.apiKeys.authenticate(bearer);
    // Thrown before any resolver runs: Apollo answers it as is, so it carries its own code and HTTP status.
    if (!key)
      throw new GraphQLError('This API key is unknown, revoked or expired', {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    return { userId: null, apiKeyId: key.id, roles: [Role.CLIENT] };
  }
  const fromCookie = cookiesOf(req).get(SESSION_COOKIE) ?? null;
  const token = bearer ?? fromCookie;
  if (!token) return ANONYMOUS;
  const session = await services.sessions.verify(token);
  // The user row read here anyway carries the session generation: ending sessions costs no query per request.
  const user = session && (await services.users.active(session.userId));
  if (!session || !user || user.sessionGeneration !== session.generation) {
    if (fromCookie) cookie.clear();
    return ANONYMOUS;
  }
  if (fromCookie && services.sessions.wantsRenewal(session))
    cookie.set(await services.sessions.issue(user.id, user.sessionGeneration), services.sessions.ttlSeconds);
  return { userId: user.id, roles: user.roles };
}
