import { registerEnumType } from 'type-graphql';

export enum Attribution {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  REPORTED_SPEECH = 'REPORTED_SPEECH',
  AUTHOR_ASSERTION = 'AUTHOR_ASSERTION',
}

export enum ClaimModality {
  ASSERTED = 'ASSERTED',
  HEDGED = 'HEDGED',
  SPECULATIVE = 'SPECULATIVE',
  EXPECTED = 'EXPECTED',
  DENIED = 'DENIED',
}

/** As in Wikibase: deprecate what was once believed rather than delete it. */
export enum ClaimRank {
  PREFERRED = 'PREFERRED',
  NORMAL = 'NORMAL',
  DEPRECATED = 'DEPRECATED',
}

export enum ClaimLinkType {
  SUPPORTS = 'SUPPORTS',
  CONTRADICTS = 'CONTRADICTS',
  DUPLICATES = 'DUPLICATES',
  REFINES = 'REFINES',
}

registerEnumType(Attribution, { name: 'Attribution' });
registerEnumType(ClaimModality, { name: 'ClaimModality' });
registerEnumType(ClaimRank, { name: 'ClaimRank' });
registerEnumType(ClaimLinkType, { name: 'ClaimLinkType' });
