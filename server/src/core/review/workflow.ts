import { registerEnumType } from 'type-graphql';

import { BadInputError } from '../errors.js';
import { ReviewStatus } from './status.js';

export enum ReviewDecision {
  VERIFY = 'VERIFY',
  DISPUTE = 'DISPUTE',
  REJECT = 'REJECT',
  RETRACT = 'RETRACT',
}

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: "A reviewer's judgement; each applies to records in one status only.",
  valuesConfig: {
    VERIFY: { description: 'IN_REVIEW → VERIFIED: it holds up against its evidence.' },
    DISPUTE: { description: 'IN_REVIEW → DISPUTED: it needs the editor to answer.' },
    REJECT: { description: 'IN_REVIEW → REJECTED: wrong or unsupported.' },
    RETRACT: { description: 'VERIFIED → RETRACTED: withdrawn; clients still see it, flagged.' },
  },
});

/** DESIGN.md: DRAFT → IN_REVIEW → VERIFIED | DISPUTED | REJECTED; VERIFIED → RETRACTED. */
const DECISIONS: Record<ReviewDecision, { from: ReviewStatus; to: ReviewStatus }> = {
  [ReviewDecision.VERIFY]: { from: ReviewStatus.IN_REVIEW, to: ReviewStatus.VERIFIED },
  [ReviewDecision.DISPUTE]: { from: ReviewStatus.IN_REVIEW, to: ReviewStatus.DISPUTED },
  [ReviewDecision.REJECT]: { from: ReviewStatus.IN_REVIEW, to: ReviewStatus.REJECTED },
  [ReviewDecision.RETRACT]: { from: ReviewStatus.VERIFIED, to: ReviewStatus.RETRACTED },
};

/** A record goes to review from a draft, or again once a dispute has been answered by an edit. */
export const SUBMITTABLE: readonly ReviewStatus[] = [ReviewStatus.DRAFT, ReviewStatus.DISPUTED];

/** The status a decision leads to, or null when it cannot be taken from `status`. */
export function decide(status: ReviewStatus, decision: ReviewDecision): ReviewStatus | null {
  const rule = DECISIONS[decision];
  return rule.from === status ? rule.to : null;
}

/**
 * A VERIFIED record that a correction of its source reworded stays published as last verified until a reviewer
 * judges it again: as one in review (verify the words as corrected, dispute, reject), or by retracting it.
 */
export function decideReReview(decision: ReviewDecision): ReviewStatus {
  return DECISIONS[decision].to;
}

export function decisionRequires(decision: ReviewDecision): ReviewStatus {
  return DECISIONS[decision].from;
}

/**
 * An edit to a record a reviewer has already judged sends it back to the queue: what clients see must have been
 * reviewed as it now reads. A draft stays a draft; a retraction stands.
 */
export function statusAfterEdit(status: ReviewStatus): ReviewStatus {
  if (status === ReviewStatus.RETRACTED) {
    throw new BadInputError([{ field: 'id', message: 'a retracted record is final: record the new reading as a new claim or event' }]);
  }
  return status === ReviewStatus.VERIFIED || status === ReviewStatus.DISPUTED || status === ReviewStatus.REJECTED
    ? ReviewStatus.IN_REVIEW
    : status;
}
