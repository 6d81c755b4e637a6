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

registerEnumType(EventModality, {
  name: 'EventModality',
  description: 'Whether an event happened, as its sources have it.',
  valuesConfig: {
    OCCURRED: { description: 'It happened.' },
    EXPECTED: { description: 'Foreseen, without a firm plan: "is expected to visit".' },
    PLANNED: { description: 'Scheduled or announced by those taking part.' },
    ALLEGED: { description: 'Said to have happened, but not established.' },
  },
});
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: "An entity's part in an event.",
  valuesConfig: {
    AGENT: { description: 'Did it: the visitor, the invader, a party to a deal.' },
    TARGET: { description: 'Had it done to them: the country invaded, the government overthrown.' },
    HOST: { description: 'Hosted it: the host of a visit or a meeting.' },
    PARTICIPANT: { description: 'Took part, with no more specific role.' },
  },
});
