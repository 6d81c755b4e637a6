import { Field, ObjectType } from 'type-graphql';

import { ReviewStatus } from './status.js';

export const RE_REVIEW_NOTE = 'The source was corrected after verification; re-review pending.';

@ObjectType({
  description:
    'A verified record whose source was corrected after verification, rewording evidence it rests on. Until a reviewer judges it again, client apps read it as last verified: its evidence the words it was verified on, on the snapshot it was verified on (`Evidence.asVerified`); staff read the evidence as the correction left it.',
})
export class ReReview {
  @Field(() => Date, { description: 'When the correction was saved.' })
  since: Date;

  @Field({ description: 'What this means, for people reading the record.' })
  note: string;
}

/** A record's pending re-review, if it is published and awaits one; a record rebuilt from the log holds the date as text. */
export function reReviewOf(record: { status: ReviewStatus; reReviewPendingSince?: Date | string | null }): ReReview | null {
  if (record.status !== ReviewStatus.VERIFIED || !record.reReviewPendingSince) return null;
  return { since: new Date(record.reReviewPendingSince), note: RE_REVIEW_NOTE };
}
