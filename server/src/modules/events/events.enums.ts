import { registerEnumType } from 'type-graphql';

export enum EventModality {
  OCCURRED = 'OCCURRED',
  EXPECTED = 'EXPECTED',
  PLANNED = 'PLANNED',
  ALLEGED = 'ALLEGED',
}

export enum ParticipantRole {
  AGENT = 'AGENT',
  TARGET = 'TARGET',
  HOST = 'HOST',
  PARTICIPANT = 'PARTICIPANT',
}

registerEnumType(EventModality, { name: 'EventModality' });
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });
