import { DomainError, ErrorCode } from '../errors.js';
import type { Role } from './roles.js';

/**
 * A session whose signature holds, taken on the word of this process's last read of its user at the same session
 * generation, so that an edit can read the user in its own first statement rather than in a round trip of its own.
 * Nothing may be written or answered for it until the user row is found to still hold it (`sessionHoldsSql`):
 * whatever is not confirmed that way is confirmed by the ordinary read before it runs.
 */
export interface UnconfirmedSession {
  userId: string;
  generation: number;
  roles: readonly Role[];
  /** Set once a statement found the user active, at this generation, with these roles. */
  confirmed: boolean;
}

/** A refusal found before anything was written: the user row no longer holds the session as it was taken. */
export class SessionUnconfirmed extends DomainError {
  constructor() {
    super(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API key, to use this field');
  }
}

/**
 * Whether the user row still holds the session: true only if the user exists, is neither disabled nor deleted, is
 * at the session's generation and has the roles taken; null when there is no such user. The three placeholders are
 * the user's id, the generation and the roles (`sessionHoldsParameters`).
 */
export const sessionHoldsSql = (user: string, generation: string, roles: string): string =>
  `(SELECT "session_generation" = ${generation}::int AND NOT "disabled" AND "deleted_at" IS NULL AND "roles" = ${roles}::text[] FROM "users" WHERE "id" = ${user}::uuid)`;

export const sessionHoldsParameters = (session: UnconfirmedSession): unknown[] => [session.userId, session.generation, session.roles];
