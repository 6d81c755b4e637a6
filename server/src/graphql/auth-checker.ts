import type { AuthChecker } from 'type-graphql';

import type { Role } from '../core/access/roles.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import type { RequestContext } from './context.js';

/** A refusal by the access rules themselves, as opposed to one by a service. */
export class AccessDenied extends DomainError {}

/** `@Authorized(...roles)`: anonymous callers are told to sign in; signed-in callers without the role, refused. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.roles.length === 0) throw new AccessDenied(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API key, to use this field');
  if (roles.length === 0 || roles.some((role) => viewer.roles.includes(role))) return true;
  throw new AccessDenied(ErrorCode.FORBIDDEN, `This needs one of the roles ${roles.join(', ')}`);
};
