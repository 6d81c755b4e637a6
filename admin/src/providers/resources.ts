import type { RaRecord } from 'react-admin';

import type { FuzzyDate } from '../common/dates';
import { graphql } from '../gql';
import {
  type AnnotationFields,
  type ApiKeyFields,
  type ClaimFields,
  type EntityFields,
  type EventFields,
  INPUT_FIELDS,
  LEAF_FIELDS,
  type SourceFields,
  type UserFields,
} from '../gql/fields';
import type {
  AnnotationDetailFragment,
  ClaimDetailFragment,
  EntityDetailFragment,
  EventDetailFragment,
  SourceDetailFragment,
  TypedDocumentString,
} from '../gql/graphql';

/**
 * How each console resource maps onto the GraphQL API: what to select, how a node becomes a form-ready record
 * (inputs by id, as the mutations take them), and which fields an update may send.
 */
export type RecordTypeName = 'SOURCE' | 'ENTITY' | 'EVENT' | 'CLAIM' | 'EVIDENCE' | 'ANNOTATION' | 'USER' | 'API_KEY';
export type SearchTypeName = 'CLAIM' | 'EVENT' | 'ENTITY' | 'SOURCE';

export interface ResourceDefinition {
  recordType: RecordTypeName;
  /** The GraphQL type, for `... on` in search results. */
  typeName: string;
  /** A Relay connection root field paged as the console pages, or (`array`) one read whole for small sets (users, keys). */
  list: { kind: 'connection'; field: string; filterType: string } | { kind: 'array'; field: string };
  one?: string;
  /** A plain list of one record's rows, used when the console asks for them by `targetType` and `targetId`. */
  byTarget?: string;
  searchType?: SearchTypeName;
  /** What a list shows, and no more: lists are the hot path. */
  listFields: string;
  /** What the show and edit views read: every scalar and enum field of the type, and `...<Type>Detail`. */
  fields: string;
  /** The fragment of nested selections the views use, `<Type>Detail`, typed by codegen. */
  detail?: TypedDocumentString<unknown, unknown>;
  /** Which filter keys are lists in the API's filter input (a single choice in the console is sent as a list of one). */
  listFilters?: string[];
  toRecord?: (node: RaRecord) => RaRecord;
  /** Form values as the API takes them: an emptied date is null, not a date without a day. */
  toInput?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** Where the form shows an API field's error when its input is nested: `end` → the `end.date` input. */
  errorInputs?: Record<string, string>;
  /** Fields an update may send (its input's, but for the id, version and reason); only the changed ones are sent. */
  editable: string[];
  /** The API names mutations verb + type (`createClaim`, `UpdateClaimInput`); a definition lists which it has. */
  create?: { fields: string[]; selection?: string; result?: (created: RaRecord) => RaRecord };
  writes: Array<'update' | 'delete' | 'restore'>;
  /** For the one delete the API names otherwise: an API key is revoked. */
  deleteMutation?: string;
}

type RecordTypeOf = keyof typeof LEAF_FIELDS;

/**
 * What makes adding a field cheap: codegen lists each record type's fields from `server/schema.graphql`
 * (`gql/fields.ts`), so a new scalar or enum field is read by the show and edit views and sent by the form's
 * create and update without a change here; only nested selections are written out below.
 */
const leafFields = (type: RecordTypeOf) => LEAF_FIELDS[type].join(' ');
const ABOUT_A_WRITE = new Set(['id', 'expectedVersion', 'reason']);
const inputFields = (input: keyof typeof INPUT_FIELDS) => INPUT_FIELDS[input].filter((field) => !ABOUT_A_WRITE.has(field));

const RECORD = 'id version createdAt updatedAt deletedAt deleteReason';

graphql(`
  fragment ReviewStepDetail on ReviewStep {
    status
    comment
    actor
    actorName
    at
  }
`);
graphql(`
  fragment EvidenceDetail on Evidence {
    id
    version
    anchorStatus
    selector {
      exact
      prefix
      suffix
      start
      end
    }
    context(chars: 160) {
      before
      exact
      after
    }
    source {
      id
      title
    }
    sourceRevision {
      id
      number
    }
  }
`);
const CLAIM_DETAIL = graphql(`
  fragment ClaimDetail on Claim {
    reReview {
      since
      note
    }
    claimant {
      id
      name
    }
    eventList: events {
      id
      title
      status
    }
    entityList: entities {
      id
      name
      kind
    }
    linkList: links {
      type
      claim {
        id
        text
        status
      }
    }
    reviews {
      ...ReviewStepDetail
    }
    evidence {
      ...EvidenceDetail
    }
  }
`);
const EVENT_DETAIL = graphql(`
  fragment EventDetail on Event {
    reReview {
      since
      note
    }
    eventType: type {
      code
      label
    }
    start {
      date
      precision
      latest
    }
    end {
      date
      precision
      latest
    }
    place {
      id
      name
    }
    parent {
      id
      title
    }
    participantList: participants {
      role
      label
      entity {
        id
        name
      }
    }
    claimList: claims {
      id
      text
      status
      claimantName
    }
    reviews {
      ...ReviewStepDetail
    }
    evidence {
      ...EvidenceDetail
    }
  }
`);
const ENTITY_DETAIL = graphql(`
  fragment EntityDetail on Entity {
    externalIds {
      scheme
      value
    }
    mergedInto {
      id
      name
    }
  }
`);
const SOURCE_DETAIL = graphql(`
  fragment SourceDetail on Source {
    currentRevision {
      id
      number
      sha256
      createdAt
      actor
      reason
    }
    revisionList: revisions {
      id
      number
      sha256
      createdAt
      actor
      reason
    }
    storySources {
      id
      title
      publisher
      publishedAt
      publishedPrecision
    }
    reprintOf {
      id
      title
    }
  }
`);
const ANNOTATION_DETAIL = graphql(`
  fragment AnnotationDetail on Annotation {
    span {
      sourceRevisionId
      selector {
        exact
        start
        end
      }
    }
  }
`);

/** A date as the form holds it; left out when the form has no such input, null once emptied. */
function dateInput(value: unknown) {
  if (value === undefined) return undefined;
  const date = value as { date?: string; precision?: string } | null;
  return date?.date ? { date: date.date, precision: date.precision ?? 'DAY' } : null;
}

const ids = (list: Array<{ id: string }> | undefined) => (list ?? []).map((item) => item.id);

export const RESOURCES: Record<string, ResourceDefinition> = {
  claims: {
    recordType: 'CLAIM',
    typeName: 'Claim',
    list: { kind: 'connection', field: 'claims', filterType: 'ClaimFilter' },
    one: 'claim',
    searchType: 'CLAIM',
    listFilters: ['status', 'attribution', 'modality', 'rank'],
    listFields: `${RECORD} text claimantName attribution modality rank credibility status retracted`,
    fields: `${leafFields('Claim')} ...ClaimDetail`,
    detail: CLAIM_DETAIL,
    toRecord: (node) => ({
      ...node,
      claimantId: node.claimant?.id ?? null,
      eventIds: node.eventList ? ids(node.eventList) : undefined,
      entityIds: node.entityList ? ids(node.entityList) : undefined,
      links: node.linkList?.map((link: { type: string; claim: { id: string } }) => ({ type: link.type, toClaimId: link.claim.id })),
    }),
    editable: inputFields('UpdateClaimInput'),
    create: { fields: inputFields('CreateClaimInput') },
    writes: ['update', 'delete', 'restore'],
  },
  events: {
    recordType: 'EVENT',
    typeName: 'Event',
    list: { kind: 'connection', field: 'events', filterType: 'EventFilter' },
    one: 'event',
    searchType: 'EVENT',
    listFilters: ['status', 'type', 'modality'],
    listFields: `${RECORD} title status modality retracted eventType: type { code label }
      start { date precision latest } end { date precision latest } timeExpression place { id name }
      participantList: participants { role label entity { id name } }`,
    fields: `${leafFields('Event')} ...EventDetail`,
    detail: EVENT_DETAIL,
    toRecord: (node) => ({
      ...node,
      type: node.eventType?.code,
      start: node.start ? { date: node.start.date, precision: node.start.precision } : null,
      end: node.end ? { date: node.end.date, precision: node.end.precision } : null,
      startLatest: node.start?.latest ?? null,
      endLatest: node.end?.latest ?? null,
      placeId: node.place?.id ?? null,
      parentId: node.parent === undefined ? undefined : (node.parent?.id ?? null),
      participants: node.participantList?.map((p: { role: string; label: string | null; entity: { id: string } | null }) =>
        p.entity ? { entityId: p.entity.id, role: p.role } : { label: p.label, role: p.role },
      ),
    }),
    toInput: (data) => ({
      ...data,
      start: dateInput(data.start),
      end: dateInput(data.end),
      // A label typed before an entity was chosen stays in the form, hidden: the entity, once chosen, is the participant.
      participants: (data.participants as EventRecord['participants'])?.map((p) =>
        p.entityId ? { entityId: p.entityId, role: p.role } : { label: p.label, role: p.role },
      ),
    }),
    errorInputs: { start: 'start.date', end: 'end.date' },
    editable: inputFields('UpdateEventInput'),
    create: { fields: inputFields('CreateEventInput') },
    writes: ['update', 'delete', 'restore'],
  },
  entities: {
    recordType: 'ENTITY',
    typeName: 'Entity',
    list: { kind: 'connection', field: 'entities', filterType: 'EntityFilter' },
    one: 'entity',
    searchType: 'ENTITY',
    listFilters: ['kind'],
    listFields: `${RECORD} name kind aliases wikidataId`,
    fields: `${leafFields('Entity')} ...EntityDetail`,
    detail: ENTITY_DETAIL,
    editable: inputFields('UpdateEntityInput'),
    create: { fields: inputFields('CreateEntityInput') },
    writes: ['update', 'delete', 'restore'],
  },
  sources: {
    recordType: 'SOURCE',
    typeName: 'Source',
    list: { kind: 'connection', field: 'sources', filterType: 'SourceFilter' },
    one: 'source',
    searchType: 'SOURCE',
    listFilters: ['kind', 'language'],
    listFields: `${RECORD} title publisher author publishedAt publishedPrecision language kind reliability`,
    fields: `${leafFields('Source')} ...SourceDetail`,
    detail: SOURCE_DETAIL,
    editable: inputFields('UpdateSourceInput'),
    create: { fields: inputFields('CreateSourceInput') },
    writes: ['update', 'delete', 'restore'],
  },
  annotations: {
    recordType: 'ANNOTATION',
    typeName: 'Annotation',
    list: { kind: 'connection', field: 'annotationThreads', filterType: 'AnnotationFilter' },
    byTarget: 'annotations',
    listFilters: ['motivation', 'targetType'],
    listFields: `${RECORD} targetType targetId motivation body tags resolved authorName parentId replyCount span { sourceRevisionId selector { exact start end } }`,
    fields: `${leafFields('Annotation')} ...AnnotationDetail`,
    detail: ANNOTATION_DETAIL,
    editable: inputFields('UpdateAnnotationInput'),
    create: { fields: inputFields('CreateAnnotationInput') },
    writes: ['update', 'delete', 'restore'],
  },
  users: {
    recordType: 'USER',
    typeName: 'User',
    list: { kind: 'array', field: 'users' },
    listFields: `${RECORD} name email roles disabled`,
    fields: leafFields('User'),
    editable: inputFields('UpdateUserInput'),
    create: { fields: inputFields('CreateUserInput') },
    writes: ['update'],
  },
  apiKeys: {
    recordType: 'API_KEY',
    typeName: 'ApiKey',
    list: { kind: 'array', field: 'apiKeys' },
    listFields: `${RECORD} name prefix lastUsedAt expiresAt revokedAt`,
    fields: leafFields('ApiKey'),
    editable: [],
    create: {
      fields: inputFields('CreateApiKeyInput'),
      selection: `apiKey { ${leafFields('ApiKey')} } key`,
      result: (created) => ({ ...created.apiKey, key: created.key }),
    },
    writes: ['delete'],
    deleteMutation: 'revokeApiKey',
  },
};

export function resourceDefinition(resource: string): ResourceDefinition {
  const definition = RESOURCES[resource];
  if (!definition) throw new Error(`The console has no resource "${resource}"`);
  return definition;
}

export function mutationOf(definition: ResourceDefinition, verb: 'create' | 'update' | 'delete' | 'restore'): string {
  return verb === 'delete' && definition.deleteMutation ? definition.deleteMutation : `${verb}${definition.typeName}`;
}

export const inputTypeOf = (definition: ResourceDefinition, verb: 'create' | 'update') =>
  `${verb === 'create' ? 'Create' : 'Update'}${definition.typeName}Input`;

export const toRecord = (definition: ResourceDefinition, node: RaRecord) => (definition.toRecord ? definition.toRecord(node) : node);

/**
 * The records the views show, as the one view reads them (a list row holds the fewer fields its list selects), with
 * the fields `toRecord` adds for the form's inputs.
 */
export type ClaimRecord = ClaimFields &
  ClaimDetailFragment & {
    claimantId: string | null;
    eventIds?: string[];
    entityIds?: string[];
    links?: Array<{ type: string; toClaimId: string }>;
  };
export type EventRecord = Omit<EventFields & EventDetailFragment, 'start' | 'end'> & {
  start: FuzzyDate | null;
  end: FuzzyDate | null;
  startLatest: string | null;
  endLatest: string | null;
  type?: string;
  placeId: string | null;
  parentId?: string | null;
  participants?: Array<{ entityId?: string; label?: string | null; role: string }>;
};
export type EntityRecord = EntityFields & EntityDetailFragment;
export type SourceRecord = SourceFields & SourceDetailFragment;
export type AnnotationRecord = AnnotationFields & AnnotationDetailFragment;
export type UserRecord = UserFields;
export type ApiKeyRecord = ApiKeyFields & { key?: string };
