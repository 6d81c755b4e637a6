import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  printSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

import { type PassthroughContext, type PassthroughRoot, passthroughRunner } from './passthrough.js';
import { confirmingSessions } from './unconfirmed-viewer.js';

export interface Operation {
  /** Kept by identity: the same document object is the same operation. */
  document: DocumentNode;
  operationName: string | null;
  variables: Record<string, unknown>;
  context: unknown;
}

interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
}

/** How an operation runs: interpreted for now (runs so far), for good (the compiler refused it), or compiled. */
type Plan = number | 'interpreted' | Compiled;

/**
 * The compiler's errors are its own kind, with no `extensions` when the error they wrap has none, where Apollo and
 * formatError expect graphql-js's: each is made again as graphql-js would have made it, wrapping the same error.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) =>
    Object.assign(
      new GraphQLError(error.message, {
        path: error.path,
        originalError: error.originalError ?? undefined,
        extensions: error.extensions ?? undefined,
      }),
      { locations: error.locations },
    ),
  );
  return { ...result, errors };
}

/** Documents longer than this stay interpreted: compiling one costs about 15 ms and 1 MiB per thousand characters. */
export const LONGEST_COMPILED = 4 * 1024;
/** How much query text may be held compiled at once (about 50 MiB of code); the least recently run goes first. */
export const COMPILED_TEXT_BUDGET = 64 * 1024;

export interface OperationRunner {
  run(operation: Operation): Promise<ExecutionResult>;
  /** Characters of query text held compiled now. */
  readonly compiledText: number;
}

/**
 * Runs the operations clients repeat as JavaScript compiled for them (graphql-jit), rather than graphql-js
 * walking the document for every field of every request: that walk was a quarter of a nested read's time.
 *
 * An operation is compiled on its `compileOnRun`th run, the second by default. Compiling costs a millisecond or
 * two for an everyday query, more than running it once, so a one-off query is interpreted as before; so is an
 * operation the compiler refuses, or one in a document too long to be worth it. Compiled operations are dropped,
 * least recently run first, past a budget of query text, so that a stream of distinct queries sent twice cannot
 * fill the memory; a dropped one is compiled again if it comes back.
 *
 * The compiler runs only synchronous `resolveType`s: the unions rely on type-graphql's own, which is.
 */
export function operationRunner(
  schema: GraphQLSchema,
  { compileOnRun = 2, passthrough = [] }: { compileOnRun?: number; passthrough?: readonly PassthroughRoot[] } = {},
): OperationRunner {
  const passedThrough = passthroughRunner(schema, passthrough);
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  /** Compiled operations, least recently run first, with what to forget when one is dropped. */
  const compiledByUse = new Map<Compiled, { operations: Map<string, Plan>; key: string; length: number }>();
  let compiledText = 0;

  const keepCompiled = (compiled: Compiled, operations: Map<string, Plan>, key: string, length: number) => {
    compiledByUse.set(compiled, { operations, key, length });
    compiledText += length;
    for (const [oldest, kept] of compiledByUse) {
      if (compiledText <= COMPILED_TEXT_BUDGET) break;
      compiledByUse.delete(oldest);
      kept.operations.delete(kept.key);
      compiledText -= kept.length;
    }
  };

  const planFor = (document: DocumentNode, operationName: string | null): Plan => {
    let operations = plans.get(document);
    if (!operations) plans.set(document, (operations = new Map()));
    const key = operationName ?? '';
    const known = operations.get(key) ?? 0;
    if (typeof known === 'object') {
      const kept = compiledByUse.get(known)!;
      compiledByUse.delete(known);
      compiledByUse.set(known, kept);
      return known;
    }
    if (known === 'interpreted') return known;
    if (known + 1 < compileOnRun) {
      operations.set(key, known + 1);
      return known + 1;
    }
    const length = document.loc?.end ?? Number.POSITIVE_INFINITY;
    const compiled =
      length <= LONGEST_COMPILED
        ? compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true })
        : null;
    if (!compiled || !isCompiledQuery(compiled)) {
      operations.set(key, 'interpreted');
      return 'interpreted';
    }
    const plan = { query: compiled, variables: getOperationAST(document, operationName)?.variableDefinitions ?? [] };
    operations.set(key, plan);
    keepCompiled(plan, operations, key, length);
    return plan;
  };

  const run = async ({ document, operationName, variables, context }: Operation): Promise<ExecutionResult> => {
    const answered = await passedThrough(document, operationName, variables, context as PassthroughContext);
    if (answered) return answered;
    const plan = planFor(document, operationName);
    if (typeof plan === 'object') {
      // Checked by graphql-js too, so that a client sent the wrong variables reads the same message on every run.
      if (plan.variables.length > 0) {
        const checked = getVariableValues(schema, plan.variables, variables, { maxErrors: 50 });
        if (checked.errors) return { errors: checked.errors };
      }
      return withGraphQLErrors(await plan.query.query(undefined, context, variables));
    }
    return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
  };
  return {
    run,
    get compiledText() {
      return compiledText;
    },
  };
}

/**
 * What the executor and the HTTP layer's answer without Apollo (http/plain-documents.ts) pass each other, held by
 * a request's context as `handOff`: an object of its own, since Apollo hands its executor a shallow copy of the context.
 */
export interface ExecutionHandOff {
  /** The document Apollo parsed and validated, as the executor was handed it. */
  executedDocument?: DocumentNode;
  /**
   * An operation already run without Apollo, whose outcome was not a plain success: Apollo answers it (formats its
   * errors, sets its status) as it would have answered its own run, and the executor does not run it again.
   */
  ran?: Promise<ExecutionResult>;
}

export interface CompiledExecution {
  gateway: GatewayInterface;
  /** The operation as the executor runs it for Apollo, sessions confirmed the same way. */
  run: (operation: Operation) => Promise<ExecutionResult>;
}

/**
 * Apollo Server hands custom execution to its `gateway` option (its `executor` option went as redundant with
 * it); Apollo still parses, validates, prices and formats errors as before. It gives every request of the same
 * text the same parsed document, so an operation a client repeats is recognised as one.
 */
export function compiledExecution(schema: GraphQLSchema, passthrough: readonly PassthroughRoot[] = []): CompiledExecution {
  const runner = operationRunner(schema, { passthrough });
  const run = confirmingSessions(schema, runner.run);
  const executor: GatewayExecutor = ({ document, operationName, request, context }) => {
    const { handOff } = context as { handOff?: ExecutionHandOff };
    const ran = handOff?.ran;
    if (ran) {
      handOff.ran = undefined;
      return ran;
    }
    if (handOff) handOff.executedDocument = document;
    return run({ document, operationName, variables: request.variables ?? {}, context });
  };
  return {
    gateway: {
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
        return () => undefined;
      },
      load: async () => ({ executor }),
      stop: async () => undefined,
    },
    run,
  };
}
