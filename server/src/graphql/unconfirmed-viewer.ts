import { type DocumentNode, type ExecutionResult, getOperationAST, type GraphQLSchema, Kind } from 'graphql';

import { CONFIRMS_SESSION, SessionUnconfirmed } from '../core/access/session-check.js';
import type { RequestContext } from './context.js';
import type { Operation } from './executor.js';

/**
 * The root mutation fields declared `@ConfirmsSessionInEdit()`: their resolvers reach the database first through
 * RecordWriter's one-statement edit, which confirms an unconfirmed session in its own first read
 * (core/access/session-check.ts), so such an edit asked alone reads the session's user without a round trip of its own.
 */
export const confirmedByEdit = (schema: GraphQLSchema): ReadonlySet<string> =>
  new Set(
    Object.values(schema.getMutationType()?.getFields() ?? {})
      .filter((field) => field.extensions[CONFIRMS_SESSION] === true)
      .map((field) => field.name),
  );

/** Whether the operation is one edit of `confirmedByEdit` asked alone, which reads the session in its own first statement. */
export const confirmsItself = (confirming: ReadonlySet<string>, document: DocumentNode, operationName: string | null): boolean => {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation' || operation.selectionSet.selections.length !== 1) return false;
  const [field] = operation.selectionSet.selections;
  return field!.kind === Kind.FIELD && !field!.directives?.length && confirming.has(field!.name.value);
};

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((role, i) => role === b[i]);

/**
 * Runs operations so that nothing runs for a session taken unconfirmed until its user is read: by the ordinary read
 * before the operation, or, for an edit of `confirmedByEdit` asked alone, in the edit's own first statement. Should
 * that edit end without confirming it (refused before its read, or by the session check itself), the user is read
 * then; unless that read says the same user with the same roles, the operation runs again as the caller turned out
 * to be, so the answer is the one the ordinary read would have given (nothing was written: the check precedes the write).
 */
export function confirmingSessions(
  schema: GraphQLSchema,
  run: (operation: Operation) => Promise<ExecutionResult>,
): (operation: Operation) => Promise<ExecutionResult> {
  const confirming = confirmedByEdit(schema);
  return async (operation) => {
    const context = operation.context as RequestContext;
    const session = context.viewer?.unconfirmed;
    if (!session || !context.confirmViewer) return run(operation);
    if (!confirmsItself(confirming, operation.document, operation.operationName)) {
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
