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

registerEnumType(SourceKind, { name: 'SourceKind' });
registerEnumType(Reliability, {
  name: 'Reliability',
  description: 'Admiralty code: A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged.',
});
registerEnumType(PublicationDateBasis, { name: 'PublicationDateBasis', description: 'How the publication date is known.' });
