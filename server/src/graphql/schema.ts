import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';

// type-graphql lists root fields, and the fields resolver classes add to a type, in the order the classes are
// defined: the order of these (sorted) imports is schema.graphql's.
import { AnnotationsResolver } from '../modules/annotations/annotations.resolver.js';
import { ChangesResolver } from '../modules/changes/changes.resolver.js';
import { CheckpointsResolver } from '../modules/checkpoints/checkpoints.resolver.js';
import { ClaimLinksResolver, ClaimsResolver } from '../modules/claims/claims.resolver.js';
import { EventClaimsResolver, EvidenceClaimResolver } from '../modules/claims/claims-of.resolver.js';
import { CorrectionsResolver } from '../modules/corrections/corrections.resolver.js';
import { EntitiesResolver } from '../modules/entities/entities.resolver.js';
import { EventParticipantsResolver, EventsResolver } from '../modules/events/events.resolver.js';
import { EvidenceEventResolver } from '../modules/events/events-of.resolver.js';
import { EvidenceResolver } from '../modules/evidence/evidence.resolver.js';
import { HistoryResolver } from '../modules/history/history.resolver.js';
import { ImportBatchesResolver } from '../modules/ingest/import-batches.resolver.js';
import { IngestResolver } from '../modules/ingest/ingest.resolver.js';
import { MergingResolver } from '../modules/merging/merging.resolver.js';
import { ChangeRecordResolver, NodesResolver } from '../modules/nodes/nodes.resolver.js';
import { ReviewQueueItemResolver, ReviewResolver, ReviewStepResolver } from '../modules/review/review.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { SourceRevisionsResolver, SourcesResolver } from '../modules/sources/sources.resolver.js';
import { ApiKeysResolver } from '../modules/users/api-keys.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';
import { authChecker } from './auth-checker.js';

export const resolvers = [
  SourcesResolver,
  SourceRevisionsResolver,
  CorrectionsResolver,
  EntitiesResolver,
  MergingResolver,
  EventsResolver,
  EventParticipantsResolver,
  ClaimsResolver,
  ClaimLinksResolver,
  EventClaimsResolver,
  EvidenceResolver,
  EvidenceClaimResolver,
  EvidenceEventResolver,
  AnnotationsResolver,
  IngestResolver,
  ImportBatchesResolver,
  ReviewResolver,
  ReviewStepResolver,
  ReviewQueueItemResolver,
  SearchResolver,
  UsersResolver,
  ApiKeysResolver,
  HistoryResolver,
  ChangesResolver,
  NodesResolver,
  ChangeRecordResolver,
  CheckpointsResolver,
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

/**
 * Field resolvers of resolver classes that take only the parent record, the context and the info, with no
 * middleware or roles, are called directly rather than through type-graphql's wrapper, which sorts and maps the
 * parameters and converts the parent on every call, some 240 times for 50 claims with their evidence. A parent that is not already an instance of the declared type still goes through the wrapper,
 * which converts it.
 */
function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const metadata of storage.fieldResolvers) {
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    if (metadata.kind !== 'external' || metadata.middlewares?.length || metadata.roles) continue;
    if (!params.every((param) => (param.kind === 'root' && !param.propertyName) || param.kind === 'context' || param.kind === 'info'))
      continue;
    const objectClass = metadata.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
    if (!field?.resolve) continue;
    const wrapped: GraphQLFieldResolver<unknown, unknown> = field.resolve;
    const instance = container.get(metadata.target as new () => unknown) as Record<string, (...args: unknown[]) => unknown>;
    const method = instance[metadata.methodName]!;
    const rootTypes = params.flatMap((param) => (param.kind === 'root' && param.getType ? [param.getType()] : []));
    const argumentsOf = params.map((param): ((root: unknown, context: unknown, info: unknown) => unknown) => {
      if (param.kind === 'root') return (root) => root;
      if (param.kind === 'context')
        return param.propertyName
          ? (_root, context) => (context as Record<string, unknown>)[param.propertyName!]
          : (_root, context) => context;
      return (_root, _context, info) => info;
    });
    field.resolve = (root, args, context, info) => {
      if (!rootTypes.every((rootType) => typeof rootType !== 'function' || root instanceof rootType))
        return wrapped(root, args, context, info);
      return method.apply(
        instance,
        argumentsOf.map((argumentOf) => argumentOf(root, context, info)),
      );
    };
  }
}

/**
 * type-graphql wants a PubSub for any schema with a subscription, though only topic-based ones use it: the change
 * feed's subscription reads the revision log itself (modules/changes), woken by PostgreSQL on every server.
 */
const noTopics: PubSub = {
  publish() {
    throw new Error('Subscriptions here read the revision log: there are no topics to publish to');
  },
  subscribe() {
    throw new Error('Subscriptions here read the revision log: there are no topics to subscribe to');
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
    pubSub: noTopics,
  }).then((schema) => {
    callFieldResolversDirectly(schema);
    return schema;
  }));
}
