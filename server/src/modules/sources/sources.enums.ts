import { registerEnumType } from 'type-graphql';

export enum SourceKind {
  NEWS_ARTICLE = 'NEWS_ARTICLE',
  OFFICIAL_STATEMENT = 'OFFICIAL_STATEMENT',
  TRANSCRIPT = 'TRANSCRIPT',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}

/** Admiralty code for the reliability of a source: A completely reliable … E unreliable, F cannot be judged. */
export enum Reliability {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
}

export enum PublicationDateBasis {
  STATED = 'STATED',
  INFERRED_FROM_CONTENT = 'INFERRED_FROM_CONTENT',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'What sort of document a source is.',
  valuesConfig: {
    NEWS_ARTICLE: { description: 'A news report or article.' },
    OFFICIAL_STATEMENT: { description: 'A statement, press release or communiqué issued by a government or an organisation.' },
    TRANSCRIPT: { description: 'A record of speech: an interview, briefing, speech or broadcast.' },
    REPORT: { description: 'A report or study: by an NGO, the UN, a think tank or a government.' },
    OTHER: { description: 'Any other document.' },
  },
});
registerEnumType(Reliability, {
  name: 'Reliability',
  description: 'Admiralty code: A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged.',
  valuesConfig: {
    A: { description: 'Completely reliable.' },
    B: { description: 'Usually reliable.' },
    C: { description: 'Fairly reliable.' },
    D: { description: 'Not usually reliable.' },
    E: { description: 'Unreliable.' },
    F: { description: 'Reliability cannot be judged.' },
  },
});
registerEnumType(PublicationDateBasis, {
  name: 'PublicationDateBasis',
  description: 'How the publication date is known.',
  valuesConfig: {
    STATED: { description: 'The source states it (a dateline, a timestamp).' },
    INFERRED_FROM_CONTENT: { description: 'The editor inferred it from the content: the events it reports, "last week".' },
  },
});
