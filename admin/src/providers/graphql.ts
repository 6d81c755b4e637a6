import { HttpError } from 'react-admin';

import type { TypedDocumentString } from '../gql/graphql';

/** A field the API refused, as its BAD_USER_INPUT error names it: `selector.exact`, `text`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: string;
  fields?: FieldProblem[];
  currentVersion?: number;
  /** react-admin shows these beside the form's inputs: field name → message, or input → nested field → message. */
  errors?: Record<string, string | Record<string, string>>;
  retryable?: boolean;
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export type ApiError = HttpError & { body: ApiErrorBody };

/**
 * An error from the API as react-admin expects one: its status tells auth errors apart, its body keeps the API's
 * code. (HttpError resets its prototype in its constructor, so it cannot be subclassed.)
 */
export const apiError = (message: string, status: number, body: ApiErrorBody) => new HttpError(message, status, body) as ApiError;

export const isApiError = (error: unknown): error is ApiError =>
  error instanceof HttpError && typeof (error as { body?: { code?: unknown } }).body?.code === 'string';

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; fields?: FieldProblem[]; currentVersion?: number; retryable?: boolean };
}

function toApiError(error: GraphQLErrorShape, httpStatus: number): ApiError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const fields = error.extensions?.fields;
  const errors = fields?.length ? Object.fromEntries(fields.map((f) => [f.field.replace(/^input\./, ''), f.message])) : undefined;
  return apiError(error.message, STATUS_BY_CODE[code] ?? (httpStatus >= 400 ? httpStatus : 500), {
    code,
    fields,
    errors,
    currentVersion: error.extensions?.currentVersion,
    retryable: error.extensions?.retryable,
  });
}

/** Variables may be left out only when the operation has none that are required. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends V` holds exactly when V has no required key
type VariablesOf<V> = {} extends V ? [variables?: V] : [variables: V];

/**
 * One request to the public GraphQL API, with the session cookie; the first error, if any, is thrown as an ApiError.
 * A typed document (`graphql()` from `../gql`) types both its variables and its result; a document built at run time
 * (a resource's selection) names the shape it selected.
 */
export function request<R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesOf<V>): Promise<R>;
export function request<R>(document: string, variables?: Record<string, unknown>): Promise<R>;
export async function request(document: TypedDocumentString<unknown, unknown> | string, variables: unknown = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw apiError('The server cannot be reached; check your connection and try again.', 503, { code: 'UNAVAILABLE', retryable: true });
  }
  let body: { data?: unknown; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw apiError(`The server answered ${response.status} without a GraphQL response.`, response.status || 500, {
      code: 'INTERNAL_SERVER_ERROR',
    });
  }
  if (body.errors?.length) throw toApiError(body.errors[0]!, response.status);
  return body.data;
}
