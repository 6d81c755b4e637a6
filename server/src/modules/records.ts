import type { VersionedRecord } from '../core/record.js';
import type { RecordState } from '../core/revisions/diff.js';
import type { RecordKind } from '../core/revisions/record-writer.js';
import { RecordType } from '../core/revisions/revisions.enums.js';
import { AnnotationRecord } from './annotations/annotation.entity.js';
import { ClaimRecord } from './claims/claim.entity.js';
import { EntityKindRecord } from './entities/entity.entity.js';
import { EventRecord } from './events/event.entity.js';
import { EventTypeRecord } from './events/event-type.entity.js';
import { EvidenceRecord } from './evidence/evidence.entity.js';
import { SourceRecord } from './sources/source.entity.js';
import { ApiKeyRecord } from './users/api-key.entity.js';
import { UserRecord } from './users/user.entity.js';

/** Every kind of record the revision log knows, in one place, for history, time travel and revert. */
export const RECORDS = {
  [RecordType.SOURCE]: SourceRecord,
  [RecordType.ENTITY]: EntityKindRecord,
  [RecordType.EVENT_TYPE]: EventTypeRecord,
  [RecordType.EVENT]: EventRecord,
  [RecordType.CLAIM]: ClaimRecord,
  [RecordType.EVIDENCE]: EvidenceRecord,
  [RecordType.ANNOTATION]: AnnotationRecord,
  [RecordType.USER]: UserRecord,
  [RecordType.API_KEY]: ApiKeyRecord,
} satisfies Record<RecordType, AnyRecordKind>;

/** Any kind of record, as the code that handles every kind sees it. */
export type AnyRecordKind = RecordKind<RecordState, VersionedRecord>;

/** The kind of a record type, as code that handles every kind sees it. */
export const recordKind = (recordType: RecordType): AnyRecordKind => RECORDS[recordType];
