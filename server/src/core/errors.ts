/** The error codes of DESIGN.md; every error a client sees carries one in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // Apollo Server's own codes for a document that cannot run, kept as Apollo names them so that the clients and
  // tools built for it (Apollo Client's persisted-query link among them) read them.
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super(ErrorCode.BAD_USER_INPUT, problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });
  }
}

export class NotFoundError extends DomainError {
  constructor(recordType: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${recordType} ${id} was not found`, { recordType, id });
  }
}

export class ConflictError extends DomainError {
  constructor(recordType: string, id: string, expectedVersion: number, currentVersion: number) {
    super(
      ErrorCode.CONFLICT,
      `${recordType} ${id} is at version ${currentVersion}, not ${expectedVersion}: reload it and apply your change again`,
      { recordType, id, expectedVersion, currentVersion },
    );
  }
}
