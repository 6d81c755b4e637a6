import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../core/errors.js';

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/** pg's error codes for rows the database refused: a constraint held where the service's checks did not. */
const CONSTRAINT_VIOLATIONS = new Set(['23502', '23503', '23505', '23514', '22001', '22P02', '22007', '22008']);

/** What a client should retry: the database was out of reach, or every connection was busy for too long. */
export const DATABASE_UNAVAILABLE = 'The database is busy or out of reach: try again in a moment';

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/.test(message)) return true;
    current = (current as { originalError?: unknown; driverError?: unknown }).originalError ?? (current as { driverError?: unknown }).driverError;
  }
  return false;
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
    const code = (current as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/**
 * The one place errors become what a client sees. Domain errors keep their code and details; GraphQL's own
 * errors (syntax, validation) keep theirs; anything else is an internal error whose message stays on the server.
 */
export function formatError(showInternals: boolean, log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = domainErrorOf(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (domain) {
      return { ...base, message: domain.message, extensions: { code: domain.code, ...domain.details } };
    }
    const code = formatted.extensions?.code;
    const isOwnGraphQLError = error instanceof GraphQLError && !error.originalError;
    if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, extensions: { code } };
    }
    if (isOwnGraphQLError || code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') {
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
