import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { ReviewDecision } from '../../core/review/workflow.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Claim } from '../claims/claim.entity.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { AnchorStatus } from '../evidence/evidence.enums.js';
import { TextSelector } from '../evidence/evidence.types.js';

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

  @Field(() => Int, {
    description: 'The version you reviewed; a stale one fails with CONFLICT, so you never judge words you have not read.',
  })
  expectedVersion: number;

  @Field(() => ReviewDecision, { description: "The judgement; it must fit the record's status." })
  decision: ReviewDecision;

  @Field({ description: "The reviewer's reasons; kept in the revision." })
  comment: string;
}

@ObjectType({ description: 'Evidence whose words changed since a reviewer last verified the record it supports.' })
export class EvidenceChange {
  @Field(() => Evidence, { description: 'The evidence, as it stands (deleted, too).' })
  evidence: Evidence;

  @Field(() => TextSelector, { nullable: true, description: 'The words as verified; null for evidence added since.' })
  before: TextSelector | null;

  @Field(() => AnchorStatus, { nullable: true, description: 'How they were anchored then.' })
  beforeStatus: AnchorStatus | null;

  @Field(() => TextSelector, { nullable: true, description: 'The words now; null for evidence deleted since.' })
  after: TextSelector | null;

  @Field(() => AnchorStatus, {
    nullable: true,
    description: 'How they are anchored now: FUZZY when a correction moved them to words an editor should confirm.',
  })
  afterStatus: AnchorStatus | null;

  @Field({ description: 'Who changed them last, as the revision log names them.' })
  changedBy: string;

  @Field(() => Date, { description: 'When.' })
  changedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why: the reason of that write (a correction of the source says what was wrong).' })
  reason: string | null;
}

@ObjectType({ description: 'A record waiting for a reviewer.' })
export class ReviewQueueItem {
  @Field(() => RecordType, { description: 'CLAIM or EVENT.' })
  recordType: RecordType;

  @Field(() => ReviewableRecord, { description: 'The claim or event waiting.' })
  record: Claim | Event;

  @Field(() => Date, { description: 'When it was sent to review, or sent back to it by a change (see `sentBack`).' })
  submittedAt: Date;

  @Field({ description: 'Who sent it, or whose change sent it back, as the revision log names them: `user:<id>`.' })
  submittedBy: string;

  @Field({
    description:
      'True when a change sent a judged record back (an edit, or a change to its evidence such as a correction of its source), rather than an editor sending it.',
  })
  sentBack: boolean;

  @Field(() => String, { nullable: true, description: 'The note it was sent with, or the reason of the change that sent it back.' })
  submittedReason: string | null;

  @Field(() => [EvidenceChange], {
    description: 'Its evidence whose words changed since the last verified version, old words beside new; empty when never verified.',
  })
  evidenceChangesSinceVerified: EvidenceChange[];

  @Field({ description: 'Who last changed its content, as the revision log names them; they may not judge it.' })
  lastEditedBy: string;

  @Field(() => Int, { nullable: true, description: 'The last version a reviewer verified, if any.' })
  lastVerifiedVersion: number | null;

  @Field(() => GraphQLJSONObject, { description: 'Per field, `{ before, after }` since the last verified version (or since creation).' })
  changesSinceVerified: Record<string, unknown>;
}

export const ReviewQueueItemConnection = connectionType(ReviewQueueItem, 'ReviewQueueItem');
