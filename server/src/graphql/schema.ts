import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnnotationsResolver } from '../modules/annotations/annotations.resolver.js';
import { ClaimLinksResolver, ClaimsResolver } from '../modules/claims/claims.resolver.js';
import { EntitiesResolver } from '../modules/entities/entities.resolver.js';
import { EventParticipantsResolver, EventsResolver } from '../modules/events/events.resolver.js';
import { EvidenceResolver } from '../modules/evidence/evidence.resolver.js';
import { HistoryResolver } from '../modules/history/history.resolver.js';
import { IngestResolver } from '../modules/ingest/ingest.resolver.js';
import { ReviewResolver, ReviewStepResolver } from '../modules/review/review.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { SourceRevisionsResolver, SourcesResolver } from '../modules/sources/sources.resolver.js';
import { ApiKeysResolver } from '../modules/users/api-keys.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';
import { authChecker } from './auth-checker.js';

export const resolvers = [
  SourcesResolver,
  SourceRevisionsResolver,
  EntitiesResolver,
  EventsResolver,
  EventParticipantsResolver,
  ClaimsResolver,
  ClaimLinksResolver,
  EvidenceResolver,
  AnnotationsResolver,
  IngestResolver,
  ReviewResolver,
  ReviewStepResolver,
  SearchResolver,
  UsersResolver,
  ApiKeysResolver,
  HistoryResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** One instance of each resolver class, found by a map: type-graphql's own container searches a list on every field. */
const instances = new Map<Function, unknown>();
const container = {
  get(resolverClass: new () => unknown): unknown {
    let instance = instances.get(resolverClass);
    if (!instance) instances.set(resolverClass, (instance = new resolverClass()));
    return instance;
  },
};

/** Built once per process: type-graphql's metadata is global, and the schema never changes at run time. */
export function getSchema(): Promise<GraphQLSchema> {
  return (built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    container,
  }));
}
