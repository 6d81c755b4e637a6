import type { DataSource, EntityManager } from 'typeorm';

import type { Config } from '../config.js';
import type { Viewer } from '../core/access/viewer.js';
import type { SigningKey } from '../core/checkpoints/signing-key.js';
import { createReviewLoaders } from '../core/review/steps.js';
import type { RevisionSignal } from '../db/revision-signal.js';
import { createAnnotationLoaders } from '../modules/annotations/annotations.loaders.js';
import { AnnotationsService } from '../modules/annotations/annotations.service.js';
import { ChangesService } from '../modules/changes/changes.service.js';
import { CheckpointsService } from '../modules/checkpoints/checkpoints.service.js';
import { createClaimLoaders } from '../modules/claims/claims.loaders.js';
import { ClaimsService } from '../modules/claims/claims.service.js';
import { CorrectionsService } from '../modules/corrections/corrections.service.js';
import { createEntityLoaders } from '../modules/entities/entities.loaders.js';
import { EntitiesService } from '../modules/entities/entities.service.js';
import { createEventLoaders } from '../modules/events/events.loaders.js';
import { EventsService } from '../modules/events/events.service.js';
import { createEvidenceLoaders } from '../modules/evidence/evidence.loaders.js';
import { EvidenceService } from '../modules/evidence/evidence.service.js';
import { HistoryService } from '../modules/history/history.service.js';
import { LogVerificationsService } from '../modules/history/log-verifications.js';
import { ImportBatchesService } from '../modules/ingest/import-batches.service.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { MergingService } from '../modules/merging/merging.service.js';
import { NodesService } from '../modules/nodes/nodes.service.js';
import { reopenAfterEvidenceChange, ReviewService } from '../modules/review/review.service.js';
import { SearchService } from '../modules/search/search.service.js';
import { createSourceLoaders } from '../modules/sources/sources.loaders.js';
import { SourcesService } from '../modules/sources/sources.service.js';
import { ApiKeysService } from '../modules/users/api-keys.service.js';
import { type SessionCookie, SessionTokens } from '../modules/users/sessions.js';
import { createUserLoaders } from '../modules/users/users.loaders.js';
import { UsersService } from '../modules/users/users.service.js';
import type { RawAnswers } from './passthrough.js';

export function createServices(dataSource: DataSource, auth: Config['auth'], signingKey: SigningKey, jobs: Config['jobs']) {
  const evidence = new EvidenceService(dataSource, reopenAfterEvidenceChange);
  const checkpoints = new CheckpointsService(dataSource, signingKey);
  return {
    checkpoints,
    sources: new SourcesService(dataSource),
    entities: new EntitiesService(dataSource),
    merging: new MergingService(dataSource),
    events: new EventsService(dataSource, evidence),
    claims: new ClaimsService(dataSource, evidence),
    evidence,
    annotations: new AnnotationsService(dataSource),
    review: new ReviewService(dataSource),
    corrections: new CorrectionsService(dataSource),
    search: new SearchService(dataSource),
    users: new UsersService(dataSource),
    apiKeys: new ApiKeysService(dataSource),
    sessions: new SessionTokens(auth.secret, auth.sessionTtlSeconds),
    history: new HistoryService(dataSource),
    logVerifications: new LogVerificationsService(dataSource, checkpoints),
    changes: new ChangesService(dataSource),
    nodes: new NodesService(dataSource),
    ingest: new IngestService(dataSource),
    importBatches: new ImportBatchesService(dataSource, jobs.maxAttempts),
  };
}

/** The groups of loaders, in the order they read each other in; each made from the request's manager. */
const GROUPS = [
  (manager: EntityManager) => createSourceLoaders(manager),
  (manager: EntityManager) => createEntityLoaders(manager),
  (manager: EntityManager, loaders: Loaders) => createEvidenceLoaders(manager, loaders),
  (manager: EntityManager, loaders: Loaders) => createClaimLoaders(manager, loaders),
  (manager: EntityManager, loaders: Loaders) => createEventLoaders(manager, loaders),
  (manager: EntityManager) => createUserLoaders(manager),
  (manager: EntityManager) => createReviewLoaders(manager),
  (manager: EntityManager) => createAnnotationLoaders(manager),
] as const;

export type Loaders = ReturnType<typeof createSourceLoaders> &
  ReturnType<typeof createEntityLoaders> &
  ReturnType<typeof createEvidenceLoaders> &
  ReturnType<typeof createClaimLoaders> &
  ReturnType<typeof createEventLoaders> &
  ReturnType<typeof createUserLoaders> &
  ReturnType<typeof createReviewLoaders> &
  ReturnType<typeof createAnnotationLoaders>;

const MANAGER = Symbol('manager');
let lazyLoaders: object | null = null;

/**
 * A prototype with a getter per loader that makes the loader's group on first use, on the request's own object.
 * Which group makes which loader is learnt once, by making them all.
 */
function lazyPrototype(manager: EntityManager): object {
  const prototype = {};
  const every = {} as Loaders;
  for (const make of GROUPS) {
    const group = make(manager, every);
    Object.assign(every, group);
    for (const name of Object.keys(group)) {
      Object.defineProperty(prototype, name, {
        get(this: Loaders & { [MANAGER]: EntityManager }) {
          const made = make(this[MANAGER], this) as Record<string, unknown>;
          for (const [key, loader] of Object.entries(made)) Object.defineProperty(this, key, { value: loader });
          return made[name];
        },
      });
    }
  }
  return prototype;
}

/**
 * Per request, so a batch never serves one caller's rows to another and nothing is cached across requests.
 * Made as they are used: a request reads through a few of the dozens there are, and making them all cost about
 * 45 µs on every request.
 */
export function createLoaders(manager: EntityManager): Loaders {
  lazyLoaders ??= lazyPrototype(manager);
  return Object.assign(Object.create(lazyLoaders) as Loaders, { [MANAGER]: manager });
}

export type Services = ReturnType<typeof createServices>;

export interface RequestContext {
  viewer: Viewer;
  /** Reads the session's user and says who the request is from, for a viewer taken unconfirmed (http/session.ts). */
  confirmViewer?: () => Promise<Viewer>;
  requestId: string;
  services: Services;
  loaders: Loaders;
  sessionCookie: SessionCookie;
  /** The caller's address, for rate limits. */
  clientAddress: string;
  /** Set for a mutation sent with an Idempotency-Key header. */
  idempotency?: { key: string; fingerprint: string } | null;
  /**
   * Set as the answer goes out: whether others of the caller's class may be given it too (http/public-answers.ts).
   * An object, so that the HTTP layer reads what is set on Apollo's copy of the context.
   */
  publicAnswer?: { keep: boolean };
  /** Set for a subscription, over its WebSocket. */
  live?: LiveContext;
  /** Set where the answer is written out as text (http/graphql-post.ts): parts PostgreSQL wrote pass through it. */
  rawAnswers?: RawAnswers;
}

/** What a subscription needs of the connection it runs on. */
export interface LiveContext {
  /** Wakes it when any server commits a write. */
  signal: RevisionSignal;
  /** How long one message may take to go out before the connection is dropped as too slow. */
  sendTimeoutMs: number;
  /** Closes the connection, saying why. */
  drop(reason: string): void;
}
