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

registerEnumType(ReviewStatus, { name: 'ReviewStatus' });
