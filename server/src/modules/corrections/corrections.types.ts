import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

import type { Claim } from '../claims/claim.entity.js';
import type { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { AnchorStatus } from '../evidence/evidence.enums.js';
import { TextSelector } from '../evidence/evidence.types.js';
import { ReviewableRecord } from '../review/review.types.js';
import { Source } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';

@InputType({ description: 'Replaces the text with a corrected one: a new snapshot, and every evidence re-anchored.' })
export class CorrectSourceTextInput {
  @Field(() => ID, { description: 'The source to correct.' })
  id: string;

  @Field(() => Int, { description: "The source's version you read; a stale one fails with CONFLICT and the current version." })
  expectedVersion: number;

  @Field({ description: 'The whole corrected text.' })
  text: string;

  @Field({ description: 'What was wrong with the text.' })
  reason: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Only show what the correction would do: the report, as saving would give it, and nothing saved.',
  })
  preview?: boolean | null;
}

@ObjectType({ description: 'Where one evidence went when the text was corrected.' })
export class EvidenceReanchoring {
  @Field(() => Evidence, { description: 'The evidence, as it stands after the correction.' })
  evidence: Evidence;

  @Field(() => AnchorStatus, { description: 'Where it landed: ANCHORED exactly, FUZZY on a near match, or ORPHANED.' })
  status: AnchorStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'How an ANCHORED result was found: POSITION (where it stood, shifted by the edit) or QUOTE (by its words and context); null otherwise.',
  })
  method: string | null;

  @Field(() => Float, { nullable: true, description: 'For a FUZZY result: how close the new words are to the old, 0 to 1.' })
  similarity: number | null;

  @Field(() => TextSelector, { description: 'Its selector before the correction, over the text it was on.' })
  before: TextSelector;

  @Field(() => TextSelector, { nullable: true, description: 'Null for ORPHANED: the evidence stays on the text it matched.' })
  after: TextSelector | null;
}

@ObjectType({ description: 'What a text correction did to the evidence on the source.' })
export class ReanchorReport {
  @Field(() => Source, { description: 'The corrected source.' })
  source: Source;

  @Field(() => SourceRevision, { description: 'The new text snapshot.' })
  revision: SourceRevision;

  @Field(() => Int, { description: 'How many evidence records were found exactly in the new text.' })
  anchored: number;

  @Field(() => Int, { description: 'How many were moved to a near match, for a reviewer to confirm.' })
  fuzzy: number;

  @Field(() => Int, { description: 'How many could not be found; they stay on the older text they match.' })
  orphaned: number;

  @Field(() => Int, {
    description: 'Notes on spans of the text that moved with their words; the others stay on the snapshot they were written on.',
  })
  annotationsMoved: number;

  @Field(() => [EvidenceReanchoring], { description: 'Every evidence, FUZZY and ORPHANED first: those need an editor.' })
  changes: EvidenceReanchoring[];

  @Field(() => [ReviewableRecord], {
    description:
      'The claims and events a reviewer had judged that the correction sends to the review queue, as they then stand: a VERIFIED one stays published as last verified (`reReview`), client apps reading the words it was verified on until a reviewer judges it again; any other goes back to IN_REVIEW.',
  })
  reopened: Array<Claim | Event>;

  @Field({ description: 'True for a preview: nothing was saved, and `revision` is the snapshot saving would add.' })
  preview: boolean;
}
