import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RecordState } from '../core/revisions/diff.js';
import type { RecordKind } from '../core/revisions/record-writer.js';
import { RecordType } from '../core/revisions/revisions.enums.js';
import { Annotation } from './annotations/annotation.entity.js';
import { AnnotationRecord } from './annotations/annotations.state.js';
import { Claim } from './claims/claim.entity.js';
import { ClaimRecord } from './claims/claims.state.js';
import { EntityKindRecord } from './entities/entities.state.js';
import { EntityRecord } from './entities/entity.entity.js';
import { EventType } from './events/event-type.entity.js';
import { Event } from './events/event.entity.js';
import { EventRecord, EventTypeRecord } from './events/events.state.js';
import { Evidence } from './evidence/evidence.entity.js';
import { EvidenceRecord } from './evidence/evidence.state.js';
import { SourceRecord } from './sources/sources.state.js';
import { Source } from './sources/source.entity.js';
import { ApiKey } from './users/api-key.entity.js';
import { ApiKeyRecord } from './users/api-keys.state.js';
import { User } from './users/user.entity.js';
import { UserRecord } from './users/users.state.js';

export interface RecordDescriptor {
  kind: RecordKind<RecordState, ObjectLiteral> | null;
  entity: EntityTarget<ObjectLiteral>;
  /**
   * The fields a revert may set back: what the record says. Never its review status (a revert must not skip
   * review), its deletion (that is delete and restore), a merge, or a source's text (that is correctSourceText).
   * Empty: the kind cannot be reverted.
   */
  revertable: readonly string[];
}

const kind = <S extends RecordState, R extends ObjectLiteral>(k: RecordKind<S, R>) => k as unknown as RecordKind<RecordState, ObjectLiteral>;

/** Every kind of record the revision log knows, in one place, for history, time travel and revert. */
export const RECORDS: Record<RecordType, RecordDescriptor> = {
  [RecordType.SOURCE]: {
    kind: kind(SourceRecord),
    entity: Source,
    revertable: ['title', 'url', 'publisher', 'author', 'publishedAt', 'publishedPrecision', 'publishedBasis', 'publishedNote', 'language', 'kind', 'reliability', 'reliabilityNote'],
  },
  [RecordType.ENTITY]: { kind: kind(EntityKindRecord), entity: EntityRecord, revertable: ['name', 'kind', 'aliases', 'description', 'externalIds'] },
  [RecordType.EVENT_TYPE]: { kind: kind(EventTypeRecord), entity: EventType, revertable: ['label', 'description'] },
  [RecordType.EVENT]: {
    kind: kind(EventRecord),
    entity: Event,
    revertable: ['title', 'typeCode', 'summary', 'startDate', 'startPrecision', 'endDate', 'endPrecision', 'timeExpression', 'placeId', 'parentId', 'modality', 'participants'],
  },
  [RecordType.CLAIM]: {
    kind: kind(ClaimRecord),
    entity: Claim,
    revertable: ['text', 'claimantId', 'claimantLabel', 'attribution', 'modality', 'credibility', 'rank', 'eventIds', 'entityIds', 'links'],
  },
  [RecordType.EVIDENCE]: { kind: kind(EvidenceRecord), entity: Evidence, revertable: ['sourceRevisionId', 'selector', 'anchorStatus'] },
  [RecordType.ANNOTATION]: { kind: kind(AnnotationRecord), entity: Annotation, revertable: ['motivation', 'body', 'tags', 'resolved'] },
  [RecordType.USER]: { kind: kind(UserRecord), entity: User, revertable: [] },
  [RecordType.API_KEY]: { kind: kind(ApiKeyRecord), entity: ApiKey, revertable: [] },
};
