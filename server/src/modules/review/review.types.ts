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
});

@InputType({ description: 'A claim or an event to send to review.' })
export class SubmitForReviewInput {
  @Field(() => ID, { description: 'A claim or an event.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'A note for the reviewer.' })
  comment?: string | null;
}

@InputType({ description: "A reviewer's decision on a claim or an event." })
export class ReviewInput {
  @Field(() => ID, { description: 'A claim or an event.' })
  id: string;

  @Field(() => Int, { description: 'The version you reviewed; a stale one fails with CONFLICT, so you never judge words you have not read.' })
  expectedVersion: number;

  @Field(() => ReviewDecision, { description: 'The judgement; it must fit the record\'s status.' })
  decision: ReviewDecision;

  @Field({ description: "The reviewer's reasons; kept in the revision." })
  comment: string;
}

@ObjectType({ description: 'A record waiting for a reviewer.' })
export class ReviewQueueItem {
  @Field(() => RecordType, { description: 'CLAIM or EVENT.' })
  recordType: RecordType;

  @Field(() => ReviewableRecord, { description: 'The claim or event waiting.' })
  record: Claim | Event;

  @Field(() => Date, { description: 'When it was sent to review.' })
  submittedAt: Date;

  @Field({ description: 'Who sent it, as the revision log names them: `user:<id>`.' })
  submittedBy: string;

  @Field({ description: 'Who last changed its content, as the revision log names them; they may not judge it.' })
  lastEditedBy: string;

  @Field(() => Int, { nullable: true, description: 'The last version a reviewer verified, if any.' })
  lastVerifiedVersion: number | null;

  @Field(() => GraphQLJSONObject, { description: 'Per field, `{ before, after }` since the last verified version (or since creation).' })
  changesSinceVerified: Record<string, unknown>;
}
