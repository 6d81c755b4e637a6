import { DomainError, ErrorCode } from '../errors.js';
import type { WriteContext } from '../revisions/record-writer.js';
import { type Role, STAFF } from './roles.js';
import type { UnconfirmedSession } from './session-check.js';

/** Who is asking: a signed-in user, a client app's key, or nobody. */
export interface Viewer {
  userId: string | null;
  apiKeyId?: string | null;
  roles: readonly Role[];
  /** Set while the session's user has not been read in this request: its roles are then those of an earlier read. */
  unconfirmed?: UnconfirmedSession;
}

export const ANONYMOUS: Viewer = { userId: null, roles: [] };

/** Invariant 7: only staff see records that are not yet, or never were, verified. */
export function seesUnreviewed(viewer: Viewer): boolean {
  return viewer.roles.some((role) => (STAFF as readonly Role[]).includes(role));
}

/** The actor a viewer's writes are attributed to in the revision log. */
export function writeContextOf(viewer: Viewer, requestId: string, idempotency: WriteContext['idempotency'] = null): WriteContext {
  if (viewer.userId)
    return { actor: `user:${viewer.userId}`, actorUserId: viewer.userId, requestId, idempotency, session: viewer.unconfirmed };
  if (viewer.apiKeyId) return { actor: `api-key:${viewer.apiKeyId}`, actorUserId: null, requestId, idempotency };
  throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to make changes');
}
