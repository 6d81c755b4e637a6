import { type DocumentNode, type ExecutionResult, getOperationAST, Kind } from 'graphql';

import { SessionUnconfirmed } from '../core/access/session-check.js';
import type { RequestContext } from './context.js';
import type { Operation } from './executor.js';

/**
 * Root mutation fields whose resolvers reach the database first through RecordWriter's one-statement edit, which
 * confirms an unconfirmed session in its own first read (core/access/session-check.ts): asked alone, such an edit
 * is two statements in all, the session's user included, rather than three.
 */
export const CONFIRMED_BY_EDIT: ReadonlySet<string> = new Set(['updateClaim']);

const confirmsItself = (document: DocumentNode, operationName: string | null): boolean => {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation' || operation.selectionSet.selections.length !== 1) return false;
  const [field] = operation.selectionSet.selections;
  return field!.kind === Kind.FIELD && !field!.directives?.length && CONFIRMED_BY_EDIT.has(field!.name.value);
};

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((role, i) => role === b[i]);

/**
 * Runs operations so that nothing runs for a session taken unconfirmed until its user is read: by the ordinary read
 * before the operation, or, for an edit of CONFIRMED_BY_EDIT asked alone, in the edit's own first statement. Should
 * that edit end without confirming it (refused before its read, or by the session check itself), the user is read
 * then; unless that read says the same user with the same roles, the operation runs again as the caller turned out
 * to be, so the answer is the one the ordinary read would have given (nothing was written: the check precedes the write).
 */
export function confirmingSessions(
  run: (operation: Operation) => Promise<ExecutionResult>,
): (operation: Operation) => Promise<ExecutionResult> {
  return async (operation) => {
    const context = operation.context as RequestContext;
    const session = context.viewer?.unconfirmed;
    if (!session || !context.confirmViewer) return run(operation);
    if (!confirmsItself(operation.document, operation.operationName)) {
      context.viewer = await context.confirmViewer();
      return run(operation);
    }
    const result = await run(operation);
    const refused = result.errors?.some((error) => error.originalError instanceof SessionUnconfirmed) ?? false;
    if (session.confirmed && !refused) return result;
    const viewer = await context.confirmViewer();
    context.viewer = viewer;
    if (!refused && viewer.userId === session.userId && sameRoles(viewer.roles, session.roles)) return result;
    return run(operation);
  };
}
