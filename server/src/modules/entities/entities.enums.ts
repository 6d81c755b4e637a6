import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  STATE = 'STATE',
  PLACE = 'PLACE',
  OTHER = 'OTHER',
}

registerEnumType(EntityKind, { name: 'EntityKind' });
