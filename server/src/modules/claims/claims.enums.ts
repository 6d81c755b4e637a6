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

registerEnumType(Attribution, {
  name: 'Attribution',
  description: 'How the source gives a claim: quoting the claimant, reporting them, or asserting it itself.',
  valuesConfig: {
    DIRECT_QUOTE: { description: "The claimant's own words, quoted: called Myanmar “our long-standing and reliable partner”." },
    REPORTED_SPEECH: { description: 'What the claimant said, in the source\'s words: "according to a presidential aide, ...".' },
    AUTHOR_ASSERTION: { description: "The source's author states it in their own voice." },
  },
});
registerEnumType(ClaimModality, {
  name: 'ClaimModality',
  description: 'How firmly the claimant puts it.',
  valuesConfig: {
    ASSERTED: { description: 'Stated as fact.' },
    HEDGED: { description: 'Qualified: "reportedly", "it appears".' },
    SPECULATIVE: { description: 'Put as a possibility: "may be an indication".' },
    EXPECTED: { description: 'Said of something still to come: "will sign", "is expected to".' },
    DENIED: { description: 'The claimant denies it.' },
  },
});
registerEnumType(ClaimRank, {
  name: 'ClaimRank',
  description: 'Standing among claims on the same matter, as in Wikibase: deprecate what was once believed rather than delete it.',
  valuesConfig: {
    PREFERRED: { description: 'The best current statement of the matter.' },
    NORMAL: { description: 'The default.' },
    DEPRECATED: { description: 'Superseded or shown wrong; kept for the record.' },
  },
});
registerEnumType(ClaimLinkType, {
  name: 'ClaimLinkType',
  description: 'How one claim bears on another.',
  valuesConfig: {
    SUPPORTS: { description: 'Backs the other claim up.' },
    CONTRADICTS: { description: 'Cannot be true along with the other claim.' },
    DUPLICATES: { description: 'Says the same as the other claim.' },
    REFINES: { description: 'Says the other claim more precisely.' },
  },
});

export enum ClaimRanking {
  CHECK_WORTHINESS = 'CHECK_WORTHINESS',
}

registerEnumType(ClaimRanking, {
  name: 'ClaimRanking',
  description: 'What ranks claims ahead of the order they were created in.',
  valuesConfig: {
    CHECK_WORTHINESS: {
      description: 'The claims an import judged most worth checking first (`checkWorthiness`, highest first); claims it did not rank last.',
    },
  },
});
