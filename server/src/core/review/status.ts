import { registerEnumType } from 'type-graphql';

export enum ReviewStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  VERIFIED = 'VERIFIED',
  DISPUTED = 'DISPUTED',
  REJECTED = 'REJECTED',
  RETRACTED = 'RETRACTED',
}

/** Statuses that client apps and anonymous callers may see (invariant 7). */
export const PUBLIC_STATUSES: readonly ReviewStatus[] = [ReviewStatus.VERIFIED, ReviewStatus.RETRACTED];

registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'Where a claim or an event stands in review. Anonymous callers and client apps see VERIFIED and RETRACTED records only.',
  valuesConfig: {
    DRAFT: { description: 'Being written; not yet sent to review.' },
    IN_REVIEW: { description: 'Waiting for a reviewer. An edit to a VERIFIED, DISPUTED or REJECTED record puts it back here.' },
    VERIFIED: { description: 'A reviewer checked it against its evidence.' },
    DISPUTED: { description: 'A reviewer questioned it; editing it, or sending it again, puts it back in review.' },
    REJECTED: { description: 'A reviewer judged it wrong or unsupported.' },
    RETRACTED: { description: 'Withdrawn after it was verified; still shown, flagged `retracted`, so nobody relies on it unawares.' },
  },
});
