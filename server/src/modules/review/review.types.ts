import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Claim } from '../claims/claim.entity.js';
import { Event } from '../events/event.entity.js';
import { ReviewDecision } from './review.workflow.js';

export const ReviewableRecord = createUnionType({
  name: 'ReviewableRecord',
  description: 'A record that goes through review: a claim or an event.',
  types: () => [Claim, Event] as const,
  resolveType: (value) => (value instanceof Claim ? Claim : Event),
});

@InputType()
export class SubmitForReviewInput {
  @Field(() => ID, { description: 'A claim or an event.' })
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'A note for the reviewer.' })
  comment?: string | null;
}

@InputType()
export class ReviewInput {
  @Field(() => ID, { description: 'A claim or an event.' })
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => ReviewDecision)
  decision: ReviewDecision;

  @Field({ description: "The reviewer's reasons; kept in the revision." })
  comment: string;
}

@ObjectType({ description: 'A record waiting for a reviewer.' })
export class ReviewQueueItem {
  @Field(() => RecordType)
  recordType: RecordType;

  @Field(() => ReviewableRecord)
  record: Claim | Event;

  @Field(() => Date, { description: 'When it was sent to review.' })
  submittedAt: Date;

  @Field({ description: 'Who sent it.' })
  submittedBy: string;

  @Field({ description: 'Who last changed its content; they may not review it.' })
  lastEditedBy: string;

  @Field(() => Int, { nullable: true, description: 'The last version a reviewer verified, if any.' })
  lastVerifiedVersion: number | null;

  @Field(() => GraphQLJSONObject, { description: 'Per field, `{ before, after }` since the last verified version (or since creation).' })
  changesSinceVerified: Record<string, unknown>;
}
