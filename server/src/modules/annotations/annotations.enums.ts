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

registerEnumType(Motivation, {
  name: 'Motivation',
  description: 'Why a note was written: the W3C Web Annotation motivations editors use.',
  valuesConfig: {
    COMMENTING: { description: 'A remark.' },
    QUESTIONING: { description: 'A question that wants an answer.' },
    CORRECTING: { description: 'Points out something to correct.' },
    TAGGING: { description: 'Attaches tags.' },
    ASSESSING: { description: 'Judges quality or reliability.' },
    LINKING: { description: 'Points to a related record or resource.' },
  },
});
registerEnumType(AnnotatedRecordType, {
  name: 'AnnotatedRecordType',
  description: 'The kinds of record a note can be on.',
  valuesConfig: {
    SOURCE: { description: 'A source (`Source`).' },
    ENTITY: { description: 'An entity (`Entity`).' },
    EVENT: { description: 'An event (`Event`).' },
    CLAIM: { description: 'A claim (`Claim`).' },
    EVIDENCE: { description: 'Evidence (`Evidence`).' },
    ANNOTATION: { description: 'Another note (`Annotation`); to answer within a thread, use `parentId` instead.' },
  },
});
