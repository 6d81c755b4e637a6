import { Role } from './users.enums.js';

/** Who is asking: a signed-in user, a client app's key, or nobody. */
export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
}

export const ANONYMOUS: Viewer = { userId: null, roles: [] };

const STAFF: readonly Role[] = [Role.EDITOR, Role.REVIEWER, Role.ADMIN];

/** Invariant 7: only staff see records that are not yet, or never were, verified. */
export function seesUnreviewed(viewer: Viewer): boolean {
  return viewer.roles.some((role) => STAFF.includes(role));
}
