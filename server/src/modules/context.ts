import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import { createAnnotationLoaders } from './annotations/annotations.loaders.js';
import { AnnotationsService } from './annotations/annotations.service.js';
import { ClaimsService } from './claims/claims.service.js';
import { createClaimLoaders } from './claims/claims.loaders.js';
import { EntitiesService } from './entities/entities.service.js';
import { createEntityLoaders } from './entities/entities.loaders.js';
import { EventsService } from './events/events.service.js';
import { HistoryService } from './history/history.service.js';
import { IngestService } from './ingest/ingest.service.js';
import { createEventLoaders } from './events/events.loaders.js';
import { EvidenceService } from './evidence/evidence.service.js';
import { createReviewLoaders } from './review/review.history.js';
import { ReviewService } from './review/review.service.js';
import { SearchService } from './search/search.service.js';
import { createEvidenceLoaders } from './evidence/evidence.loaders.js';
import { SourcesService } from './sources/sources.service.js';
import { createSourceLoaders } from './sources/sources.loaders.js';
import { ApiKeysService } from './users/api-keys.service.js';
import { SessionTokens, type SessionCookie } from './users/sessions.js';
import { UsersService } from './users/users.service.js';
import { createUserLoaders } from './users/users.loaders.js';
import type { Viewer } from './users/viewer.js';

export function createServices(dataSource: DataSource, auth: Config['auth']) {
  return {
    sources: new SourcesService(dataSource),
    entities: new EntitiesService(dataSource),
    events: new EventsService(dataSource),
    claims: new ClaimsService(dataSource),
    evidence: new EvidenceService(dataSource),
    annotations: new AnnotationsService(dataSource),
    review: new ReviewService(dataSource),
    search: new SearchService(dataSource),
    users: new UsersService(dataSource),
    apiKeys: new ApiKeysService(dataSource),
    sessions: new SessionTokens(auth.secret, auth.sessionTtlSeconds),
    history: new HistoryService(dataSource),
    ingest: new IngestService(dataSource),
  };
}

/** Per request, so a batch never serves one caller's rows to another and nothing is cached across requests. */
export function createLoaders(manager: EntityManager) {
  const sources = createSourceLoaders(manager);
  const entities = createEntityLoaders(manager);
  const evidence = createEvidenceLoaders(manager, sources);
  const claims = createClaimLoaders(manager, evidence);
  return {
    ...sources,
    ...entities,
    ...evidence,
    ...claims,
    ...createEventLoaders(manager, { ...claims, ...evidence }),
    ...createUserLoaders(manager),
    ...createReviewLoaders(manager),
    ...createAnnotationLoaders(manager),
  };
}

export type Services = ReturnType<typeof createServices>;
export type Loaders = ReturnType<typeof createLoaders>;

export interface RequestContext {
  viewer: Viewer;
  requestId: string;
  services: Services;
  loaders: Loaders;
  sessionCookie: SessionCookie;
  /** The caller's address, for rate limits. */
  clientAddress: string;
  /** Set for a mutation sent with an Idempotency-Key header. */
  idempotency?: { key: string; fingerprint: string } | null;
}
