import { registerEnumType } from 'type-graphql';

export enum RevisionOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  REVIEW = 'REVIEW',
  MERGE = 'MERGE',
  REANCHOR = 'REANCHOR',
}

/** The record types the revision log knows; `record_type` holds one of these. */
export enum RecordType {
  SOURCE = 'Source',
  ENTITY = 'Entity',
  EVENT_TYPE = 'EventType',
  EVENT = 'Event',
  CLAIM = 'Claim',
  EVIDENCE = 'Evidence',
  ANNOTATION = 'Annotation',
  USER = 'User',
  API_KEY = 'ApiKey',
}

registerEnumType(RevisionOperation, { name: 'RevisionOperation' });
registerEnumType(RecordType, { name: 'RecordType' });
