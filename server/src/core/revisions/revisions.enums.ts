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

registerEnumType(RevisionOperation, {
  name: 'RevisionOperation',
  description: 'What one write did to its record.',
  valuesConfig: {
    CREATE: { description: 'Created the record (version 1).' },
    UPDATE: { description: "Changed its content: an edit, a revert, a source's text correction, or an API key revoked." },
    DELETE: { description: 'Soft-deleted it, with a reason.' },
    RESTORE: { description: 'Brought a deleted record back.' },
    REVIEW: { description: 'Changed its review status: sent to review, or judged by a reviewer.' },
    MERGE: {
      description: 'An entity merge: the duplicate redirected, the remaining entity given its names, or a claim or event repointed.',
    },
    REANCHOR: { description: "Re-anchored evidence after its source's text was corrected: moved onto the new text, or marked ORPHANED." },
  },
});
registerEnumType(RecordType, {
  name: 'RecordType',
  description: 'The kinds of record the revision log keeps.',
  valuesConfig: {
    SOURCE: { description: 'A source document (`Source`).' },
    ENTITY: { description: 'An actor, organisation, state or place (`Entity`).' },
    EVENT_TYPE: { description: 'An entry of the event-type vocabulary (`EventType`).' },
    EVENT: { description: 'An event (`Event`).' },
    CLAIM: { description: 'A claim (`Claim`).' },
    EVIDENCE: { description: 'Evidence tying a claim or an event to words in a source (`Evidence`).' },
    ANNOTATION: { description: 'A note on a record (`Annotation`).' },
    USER: { description: 'A user account (`User`).' },
    API_KEY: { description: "A client app's API key (`ApiKey`)." },
  },
});
