import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  STATE = 'STATE',
  PLACE = 'PLACE',
  OTHER = 'OTHER',
}

registerEnumType(EntityKind, {
  name: 'EntityKind',
  description: 'What kind of actor or thing an entity is.',
  valuesConfig: {
    PERSON: { description: 'An individual.' },
    ORGANIZATION: { description: 'A company, party, agency, armed group or other organisation.' },
    STATE: { description: 'A country, or its government acting as one.' },
    PLACE: { description: 'A location: a city, region, border crossing, site.' },
    OTHER: { description: 'Anything else.' },
  },
});
