import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

import { DomainError, ErrorCode } from '../core/errors.js';

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/** pg's error codes for rows the database refused: a constraint held where the service's checks did not. */
const CONSTRAINT_VIOLATIONS = new Set(['23502', '23503', '23505', '23514', '22001', '22P02', '22007', '22008']);

/** What a client should retry: the database was out of reach, or every connection was busy for too long. */
export const DATABASE_UNAVAILABLE = 'The database is busy or out of reach: try again in a moment';

/** The `Retry-After` sent with DATABASE_UNAVAILABLE, in seconds. */
export const RETRY_AFTER_SECONDS = '2';

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    // When a connection dies between the statements of a transaction, TypeORM releases its runner and drops the
    // connection's error: the next statement fails with one of these instead.
    if (current instanceof QueryRunnerAlreadyReleasedError || current instanceof QueryRunnerProviderAlreadyReleasedError) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08'))
    )
      return true;
    if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/.test(message))
      return true;
    current =
      (current as { originalError?: unknown; driverError?: unknown }).originalError ?? (current as { driverError?: unknown }).driverError;
  }
  return false;
}

/**
 * An outage met while making a request's context (reading the session) reaches the client through Apollo alone,
 * past the plugins that would set its status: the error has to carry its 503 and `Retry-After` itself.
 */
export function withUnavailableStatus(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new GraphQLError(DATABASE_UNAVAILABLE, {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      retryable: true,
      http: { status: 503, headers: new HeaderMap([['retry-after', RETRY_AFTER_SECONDS]]) },
    },
  });
}

function domainErrorOf(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

function databaseCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code =
      (current as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/**
 * The one place errors become what a client sees. Domain errors keep their code and details; Apollo's codes for a
 * document that cannot run (parse, validation, persisted queries) stay as Apollo names them; other GraphQL errors
 * about what was sent are BAD_USER_INPUT; anything else is an internal error whose message stays on the server.
 */
export function formatError(showInternals: boolean, log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = domainErrorOf(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (domain) {
      return { ...base, message: domain.message, extensions: { code: domain.code, ...domain.details } };
    }
    const code = formatted.extensions?.code;
    // graphql-js's own errors about what was sent (an argument's value, say) can also reach here from a resolver that
    // read the request's selection, wrapped with the path where it was thrown.
    const isOwnGraphQLError =
      error instanceof GraphQLError &&
      (!error.originalError ||
        (error.originalError instanceof GraphQLError &&
          !error.originalError.originalError &&
          error.originalError.extensions?.code === undefined));
    if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, extensions: { code } };
    }
    if (isOwnGraphQLError) {
      return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (isDatabaseUnavailable(error)) {
      log(error);
      return { ...base, message: DATABASE_UNAVAILABLE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true } };
    }
    const databaseCode = databaseCodeOf(error);
    if (databaseCode && CONSTRAINT_VIOLATIONS.has(databaseCode)) {
      log(error);
      return { ...base, message: 'The database refused this change as invalid', extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    log(error);
    return {
      ...base,
      message: showInternals ? formatted.message : 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(showInternals ? { stacktrace: formatted.extensions?.stacktrace } : {}) },
    };
  };
}
