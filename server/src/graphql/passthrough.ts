import { randomBytes } from 'node:crypto';

import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  getOperationAST,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  OperationTypeNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';

/**
 * JSON written elsewhere (by PostgreSQL) for parts of an answer, held until the answer is written out: the answer
 * carries a marker string in its place, which `splice` replaces by the JSON as it is, unparsed. A marker starts with
 * a NUL, which no text PostgreSQL stores can hold, and a nonce of the process's own, so no data passes for one.
 */
export class RawAnswers {
  private static readonly nonce = randomBytes(8).toString('hex');
  private static readonly marker = new RegExp(`"\\\\u0000${RawAnswers.nonce}:(\\d+)"`, 'g');
  private readonly held: string[] = [];
  /** The document whose every root field this request's answer holds JSON for: one the HTTP layer may answer directly next time. */
  document: DocumentNode | null = null;

  /** The marker to put in the answer where `json` goes. */
  hold(json: string): string {
    this.held.push(json);
    return `\u0000${RawAnswers.nonce}:${this.held.length - 1}`;
  }

  /** The JSON a marker holds the place of, or null for a string that is not one of this answer's markers. */
  heldFor(marker: unknown): string | null {
    const prefix = `\u0000${RawAnswers.nonce}:`;
    if (typeof marker !== 'string' || !marker.startsWith(prefix)) return null;
    return this.held[Number(marker.slice(prefix.length))] ?? null;
  }

  /** The answer's text with each marker replaced by the JSON it holds the place of. */
  splice(text: string): string {
    if (this.held.length === 0) return text;
    return text.replace(RawAnswers.marker, (_, index: string) => this.held[Number(index)]!);
  }
}

/** What a context must carry for its answers to be passed through: answers written out as text by the HTTP layer. */
export interface PassthroughContext {
  rawAnswers?: RawAnswers;
  /** A request with an Idempotency-Key keeps its answer's data as an object (http/idempotency.ts). */
  idempotency?: unknown;
}

/**
 * A root field whose answer PostgreSQL may write: `plan` says whether it can for a selection (null: no, it goes the
 * ordinary way), `answer` writes the JSON for arguments and a context, or null when the arguments are ones it does
 * not handle. Declared by the module that owns the field.
 */
export interface PassthroughRoot<P = unknown> {
  field: string;
  plan(set: SelectionSetNode, context: unknown): P | null;
  answer(plan: P, args: Record<string, unknown>, context: unknown): Promise<string | null>;
}

interface PlannedRoot {
  responseName: string;
  node: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  root: PassthroughRoot;
}

interface PlannedOperation {
  roots: PlannedRoot[];
  variables: readonly VariableDefinitionNode[];
}

/** Answers an operation whose every root field PostgreSQL may write, or null when it goes the ordinary way. */
export type PassthroughRun = (
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
  context: PassthroughContext,
) => Promise<ExecutionResult | null>;

/**
 * Answers the queries whose every root field is declared passthrough and asks only what its plan knows, without
 * graphql execution: each root's JSON from PostgreSQL, held in the context's `RawAnswers`. Anything else, and any
 * failure (bad arguments, a bad cursor, an unavailable database), returns null, and the operation runs the ordinary
 * way, which answers or refuses it exactly as before. Plans are kept per document and operation name.
 */
export function passthroughRunner(schema: GraphQLSchema, declared: readonly PassthroughRoot[]): PassthroughRun {
  const byField = new Map(declared.map((root) => [root.field, root]));
  const queryType = schema.getQueryType();
  const plans = new WeakMap<DocumentNode, Map<string, PlannedOperation | null>>();

  const planOf = (document: DocumentNode, operationName: string | null): PlannedOperation | null => {
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== OperationTypeNode.QUERY || !queryType) return null;
    const roots: PlannedRoot[] = [];
    const names = new Set<string>();
    for (const node of operation.selectionSet.selections) {
      if (node.kind !== Kind.FIELD || node.directives?.length || !node.selectionSet) return null;
      const root = byField.get(node.name.value);
      const definition = queryType.getFields()[node.name.value];
      const responseName = node.alias?.value ?? node.name.value;
      if (!root || !definition || names.has(responseName)) return null;
      names.add(responseName);
      roots.push({ responseName, node, definition, root });
    }
    return { roots, variables: operation.variableDefinitions ?? [] };
  };

  return async (document, operationName, variables, context) => {
    const { rawAnswers } = context;
    if (!rawAnswers || context.idempotency) return null;
    let operations = plans.get(document);
    if (!operations) plans.set(document, (operations = new Map()));
    const key = operationName ?? '';
    let planned = operations.get(key);
    if (planned === undefined) operations.set(key, (planned = planOf(document, operationName)));
    if (!planned) return null;
    const rootPlans = planned.roots.map(({ node, root }) => root.plan(node.selectionSet!, context));
    if (rootPlans.some((plan) => plan === null)) return null;
    const coerced = getVariableValues(schema, planned.variables, variables, { maxErrors: 1 });
    if (coerced.errors) return null;
    try {
      const answers = await Promise.all(
        planned.roots.map(({ node, definition, root }, i) =>
          root.answer(rootPlans[i], getArgumentValues(definition, node, coerced.coerced), context),
        ),
      );
      if (answers.some((answer) => answer === null)) return null;
      const data: Record<string, string> = {};
      planned.roots.forEach(({ responseName }, i) => (data[responseName] = rawAnswers.hold(answers[i]!)));
      rawAnswers.document = document;
      return { data };
    } catch {
      return null;
    }
  };
}
