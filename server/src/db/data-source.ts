import { DataSource } from 'typeorm';

import { migrations } from '../../../migrations/index.js';
import type { Config } from '../config.js';
import { IdempotencyKey } from '../core/revisions/idempotency-key.entity.js';
import { Revision } from '../core/revisions/revision.entity.js';
import { keepPrepared } from '../core/sql/prepared.js';
import { Annotation } from '../modules/annotations/annotation.entity.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from '../modules/claims/claim.entity.js';
import { EntityRecord } from '../modules/entities/entity.entity.js';
import { Event, EventParticipant } from '../modules/events/event.entity.js';
import { EventType } from '../modules/events/event-type.entity.js';
import { Evidence } from '../modules/evidence/evidence.entity.js';
import { Source } from '../modules/sources/source.entity.js';
import { SourceRevision } from '../modules/sources/source-revision.entity.js';
import { ApiKey } from '../modules/users/api-key.entity.js';
import { LoginAttempt } from '../modules/users/login-attempt.entity.js';
import { User } from '../modules/users/user.entity.js';
import { SnakeNamingStrategy } from './naming-strategy.js';
import { StatementCounter } from './statement-counter.js';
import { readTimestampsFast } from './timestamps.js';

export const entities = [
  User,
  ApiKey,
  Source,
  SourceRevision,
  EntityRecord,
  EventType,
  Event,
  EventParticipant,
  Claim,
  ClaimEvent,
  ClaimEntity,
  ClaimLink,
  Evidence,
  Annotation,
  Revision,
  IdempotencyKey,
  LoginAttempt,
];

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
}

/**
 * The login role the server's pool uses once migrated: it can only append to the revision log (see the AppRole
 * and AppLogin migrations), and has no way to become the owner.
 */
export const APP_ROLE = 'provenance_app';

/** A data source logging in as the URL says: the owner's for migrations, the app's (app-login.ts) for serving. */
export function createDataSource(url: string, db: Config['db']): Database {
  readTimestampsFast();
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: ['query'],
    logger: statements,
    maxQueryExecutionTime: 1000,
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: db.connectionTimeoutMs,
      statement_timeout: db.statementTimeoutMs,
      application_name: 'provenance-store',
    },
  });
  keepPrepared(dataSource, { max: db.maxPreparedStatements, named: db.preparedStatements });
  return { dataSource, statements };
}
