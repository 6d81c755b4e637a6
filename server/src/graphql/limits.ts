import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

import { ErrorCode } from '../core/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../core/paging/connection.js';
import { RETRY_AFTER_SECONDS } from './errors.js';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_TOKENS = 5000;
export const MAX_ALIASES = 30;
export const MAX_QUERY_COST = 10_000;
/**
 * Selections an operation makes with its fragments spread (document-limits.ts). Each field costs at least 1, so this
 * refuses little the cost limit would let through, but it is checked in one pass, before anything else follows spreads.
 */
export const MAX_QUERY_SELECTIONS = 10_000;
/** What a plain list field (evidence of a claim, say) is assumed to hold when costing a query. */
const ASSUMED_LIST_SIZE = 10;

const refused = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * A field costs 1 plus its children; a page costs its children times `first` (the default when left out), and a
 * plain list its children times ASSUMED_LIST_SIZE, so a request is priced by the rows it may touch.
 */
const rowsEstimator: ComplexityEstimator = ({ type, args, field, childComplexity }) => {
  // Introspection is answered from the schema in memory, touching no row: priced like data, the query every GraphQL
  // tool sends to load a schema (graphql-js getIntrospectionQuery) cost 49,432. The selection limit still bounds it.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  // A page's edges are its rows, already counted by `first` on the connection.
  if (type.name.endsWith('Connection') && field.name === 'edges') return 1 + childComplexity;
  // A `first` or `last` over the page limit is refused by the field itself, with its own message; price it at the limit.
  const rows = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
  if (rows !== null) return 1 + Math.min(Math.max(rows, 1), MAX_PAGE_SIZE) * childComplexity;
  if (field.args.some((arg) => arg.name === 'first')) return 1 + DEFAULT_PAGE_SIZE * childComplexity;
  return 1 + (isList(field.type) ? ASSUMED_LIST_SIZE : 1) * childComplexity;
};

/**
 * How deep lists and objects may nest in variables: the deepest input the schema takes is a few levels, and code
 * that walks a value by recursion (JSON.stringify among it) runs out of stack a few thousand levels down.
 */
export const MAX_VARIABLE_DEPTH = 64;
/**
 * How many fields an object in variables may have: the widest input type has a few dozen. graphql-js reports each
 * field an input type lacks with the whole object printed, so n of them cost n² (8,000 took 139 s in the cost limit).
 */
export const MAX_VARIABLE_OBJECT_FIELDS = 200;

/** What is wrong with the shape of variables, if anything; walked with a stack of its own, so no depth overflows it. */
export function variablesProblem(value: unknown): string | null {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > MAX_VARIABLE_DEPTH) return `Variables may nest lists and objects at most ${MAX_VARIABLE_DEPTH} deep`;
    const children = Object.values(item);
    if (!Array.isArray(item) && children.length > MAX_VARIABLE_OBJECT_FIELDS)
      return `An object in variables may have at most ${MAX_VARIABLE_OBJECT_FIELDS} fields`;
    for (const child of children) pending.push([child, depth + 1]);
  }
  return null;
}

/**
 * Refuses with a coded 400, ahead of every other plugin, a request no operation of which can run: an
 * `operationName` that names no operation, or none given where the document holds several (Apollo would carry on,
 * and answer 500); and variables nested deeper than MAX_VARIABLE_DEPTH, or with an object wider than
 * MAX_VARIABLE_OBJECT_FIELDS.
 */
export function runnableRequest(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          if (!operation) {
            throw refused(
              request.operationName
                ? 'The operationName names no operation of the document'
                : 'The document holds several operations: name the one to run in operationName',
            );
          }
          const problem = variablesProblem(request.variables);
          if (problem) throw refused(problem);
        },
      };
    },
  };
}

/** What an operation may touch, in rows (rowsEstimator); throws on variables that do not fit their types. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [rowsEstimator],
    maxQueryNodes: MAX_QUERY_SELECTIONS + 1,
  });
}

/** The refusal of an operation costing over MAX_QUERY_COST. */
export const tooCostly = (cost: number) =>
  refused(`The query costs ${cost}; at most ${MAX_QUERY_COST} is allowed. Ask for fewer rows (a smaller \`first\`) or fewer nested lists.`);

/** Variables short enough to key the price of a document by; longer ones are priced afresh. */
const MAX_PRICED_VARIABLES = 1000;
const PRICES_PER_DOCUMENT = 100;

/**
/**
 * The variables a document's price can depend on: those given to a `first` or `last` argument (rowsEstimator's
 * rows) and those of a directive's arguments (`@skip`, `@include`). Any other variable (an edit's text, an id) moves
 * no price, so leaving it out of the key lets a mutation sent with new values each time be priced once.
 */
function pricingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' || argument.name.value === 'last') collect(argument.value);
    },
    Directive(directive) {
      collect(directive);
    },
  });
  return [...names].sort();
}

/**
 * What an operation costs with these variables (null: variables that do not fit their types, which execution refuses
 * with a clear message). Apollo gives every request of the same text the same parsed document, so a document is
 * priced once for the same values of the variables its price depends on, rather than walked with its types on every
 * request.
 */
export type OperationPricer = (
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
) => number | null;

export function operationPricer(schema: GraphQLSchema): OperationPricer {
  const prices = new WeakMap<DocumentNode, { pricing: string[]; known: Map<string, number> }>();
  return (document, operationName, variables) => {
    let priced = prices.get(document);
    if (!priced) prices.set(document, (priced = { pricing: pricingVariables(document), known: new Map() }));
    // A variable left out and one given as null may price differently (a default value): they key apart.
    const key = `${operationName ?? ''} ${priced.pricing.map((name) => (name in variables ? JSON.stringify(variables[name]) : '-')).join(' ')}`;
    let cost = priced.known.get(key);
    if (cost === undefined) {
      try {
        // Past its node limit the library throws, which would leave the query unpriced below: the validation
        // rule has already refused more selections than this.
        cost = operationCost(schema, document, variables, operationName ?? undefined);
      } catch {
        return null;
      }
      if (key.length <= MAX_PRICED_VARIABLES && priced.known.size < PRICES_PER_DOCUMENT) priced.known.set(key, cost);
    }
    return cost;
  };
}

/** Prices each operation before it runs and refuses one over MAX_QUERY_COST with a 400 that says so. */
export function costLimit(price: OperationPricer): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Apollo calls every plugin's hook at once, so refusing in runnableRequest does not keep this from running:
          // what it refuses must be left unpriced here, or the pricing alone can take minutes.
          if (!operation || variablesProblem(request.variables)) return;
          const cost = price(document, request.operationName, request.variables ?? {});
          if (cost !== null && cost > MAX_QUERY_COST) {
            throw tooCostly(cost);
          }
        },
      };
    },
  };
}

// eslint-disable-next-line no-control-regex -- NUL is what it looks for: PostgreSQL text cannot store it
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function holdsUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return NUL_OR_LONE_SURROGATE.test(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => NUL_OR_LONE_SURROGATE.test(key) || holdsUnstorableText(item, depth + 1));
}

/**
 * Refuses, before anything runs, text PostgreSQL cannot store: NUL characters, and lone surrogates (not valid
 * Unicode, so not valid UTF-8). Checked once here rather than in every field's validation.
 */
export function storableTextOnly(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (holdsUnstorableText(request.query) || holdsUnstorableText(request.variables)) {
            throw refused('The request holds text that cannot be stored: a NUL character, or half of a surrogate pair (invalid Unicode)');
          }
        },
      };
    },
  };
}

/**
 * An answer that failed only because the database was unavailable says so with 503, and one refused only for its
 * rate (too many sign-ins) with 429; both with Retry-After, so that HTTP clients and proxies back off as they should.
 */
export function tryAgainLaterStatuses(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length === 0) return;
          if (errors.every((error) => error.extensions?.retryable === true)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
          } else if (errors.every((error) => error.extensions?.code === ErrorCode.RATE_LIMITED)) {
            response.http.status = 429;
            const seconds = Math.max(1, ...errors.map((error) => Number(error.extensions?.retryAfterSeconds) || 0));
            response.http.headers.set('retry-after', String(Math.ceil(seconds)));
          }
        },
      };
    },
  };
}
