import { registerEnumType } from 'type-graphql';

/** The W3C Web Annotation motivations editors use. */
export enum Motivation {
  COMMENTING = 'COMMENTING',
  QUESTIONING = 'QUESTIONING',
  CORRECTING = 'CORRECTING',
  TAGGING = 'TAGGING',
  ASSESSING = 'ASSESSING',
  LINKING = 'LINKING',
}

/** The kinds of record an annotation can be about. */
export enum AnnotatedRecordType {
  SOURCE = 'Source',
  ENTITY = 'Entity',
  EVENT = 'Event',
  CLAIM = 'Claim',
  EVIDENCE = 'Evidence',
  ANNOTATION = 'Annotation',
}

registerEnumType(Motivation, { name: 'Motivation' });
registerEnumType(AnnotatedRecordType, { name: 'AnnotatedRecordType' });
