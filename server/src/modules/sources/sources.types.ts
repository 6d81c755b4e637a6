import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BlockKind } from '../../core/text/blocks.js';
import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';
import { AnchorStatus } from '../evidence/evidence.enums.js';
import type { Claim } from '../claims/claim.entity.js';
import type { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { ReviewableRecord } from '../review/review.types.js';
import { TextSelector } from '../evidence/evidence.types.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export const SourceConnection = connectionType(Source, 'Source');

@InputType({ description: 'A new source: its metadata and its text as published.' })
export class CreateSourceInput {
  @Field({ description: 'Its title or headline, as published; at most 500 characters.' })
  title: string;

  @Field({ description: 'The text as published, page furniture included; it becomes the first snapshot.' })
  text: string;

  @Field(() => String, { nullable: true, description: 'Where it was published: an http or https URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it: an outlet, a ministry, an agency.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Its byline, if it has one.' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, the first day of its period at `publishedPrecision`.' })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY, MONTH or YEAR (WEEK is refused); given with `publishedAt`.' })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true, description: 'How the date is known: required with `publishedAt`, refused without it.' })
  publishedBasis?: PublicationDateBasis | null;

  @Field(() => String, { nullable: true, description: "How the publication date is known, in the editor's words." })
  publishedNote?: string | null;

  @Field({ description: 'BCP 47 language tag: "en", "my", "pt-BR".' })
  language: string;

  @Field(() => SourceKind, { description: 'What sort of document it is.' })
  kind: SourceKind;

  @Field(() => Reliability, { nullable: true, description: 'Admiralty grade of the source, A to F.' })
  reliability?: Reliability | null;

  @Field(() => String, { nullable: true, description: 'Why it gets that grade.' })
  reliabilityNote?: string | null;

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: "Changes a source's metadata; the text changes only through correctSourceText. Left-out fields stay as they are." })
export class UpdateSourceInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Its title or headline, as published.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Where it was published: an http or https URL; null clears it.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it; null clears it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Its byline; null clears it.' })
  author?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date, the first day of its period at `publishedPrecision`; to clear it, null `publishedPrecision` and `publishedBasis` too.',
  })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY, MONTH or YEAR (WEEK is refused); goes with `publishedAt`.' })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true, description: 'How the date is known: required with a publication date, refused without one.' })
  publishedBasis?: PublicationDateBasis | null;

  @Field(() => String, { nullable: true, description: "How the publication date is known, in the editor's words." })
  publishedNote?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag: "en", "my", "pt-BR".' })
  language?: string;

  @Field(() => SourceKind, { nullable: true, description: 'What sort of document it is.' })
  kind?: SourceKind;

  @Field(() => Reliability, { nullable: true, description: 'Admiralty grade of the source, A to F; null clears it.' })
  reliability?: Reliability | null;

  @Field(() => String, { nullable: true, description: 'Why it gets that grade.' })
  reliabilityNote?: string | null;
}

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

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only show what the correction would do: the report, as saving would give it, and nothing saved.' })
  preview?: boolean | null;
}

@ObjectType({ description: 'Where one evidence went when the text was corrected.' })
export class EvidenceReanchoring {
  @Field(() => Evidence, { description: 'The evidence, as it stands after the correction.' })
  evidence: Evidence;

  @Field(() => AnchorStatus, { description: 'Where it landed: ANCHORED exactly, FUZZY on a near match, or ORPHANED.' })
  status: AnchorStatus;

  @Field(() => String, { nullable: true, description: 'How an ANCHORED result was found: POSITION (where it stood, shifted by the edit) or QUOTE (by its words and context); null otherwise.' })
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

  @Field(() => Int, { description: 'Notes on spans of the text that moved with their words; the others stay on the snapshot they were written on.' })
  annotationsMoved: number;

  @Field(() => [EvidenceReanchoring], { description: 'Every evidence, FUZZY and ORPHANED first: those need an editor.' })
  changes: EvidenceReanchoring[];

  @Field(() => [ReviewableRecord], { description: 'The claims and events a reviewer had judged that the correction sends back to review (a published one stops being shown to client apps until verified again), as they then stand.' })
  reopened: Array<Claim | Event>;

  @Field({ description: 'True for a preview: nothing was saved, and `revision` is the snapshot saving would add.' })
  preview: boolean;
}

@InputType({ description: 'Every condition given must hold.' })
export class SourceFilter {
  @Field(() => [SourceKind], { nullable: true, description: 'Sources of any of these kinds.' })
  kind?: SourceKind[] | null;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags: "en", "my".' })
  language?: string[] | null;
}

registerEnumType(BlockKind, {
  name: 'BlockKind',
  description: 'What a paragraph of a text is, for readers to show it as it should be read.',
  valuesConfig: {
    BODY: { description: 'The text proper.' },
    FURNITURE: { description: 'Page furniture: a share button, "About Author", "Comments are closed.", a lone number, a byline.' },
    REPEAT: { description: 'A paragraph printed a second time, word for word; `repeatOf` names the first.' },
    BLANK: { description: 'An empty line.' },
  },
});

@ObjectType({ description: 'A paragraph of a text snapshot: one line of it, in code points as evidence counts them. The words are never changed, only labelled.' })
export class TextBlock {
  @Field(() => Int, { description: 'Where it starts: 0-based, in code points.' })
  start: number;

  @Field(() => Int, { description: 'Where it ends, excluded, in code points.' })
  end: number;

  @Field(() => BlockKind, { description: 'Body, page furniture, a repeat, or blank.' })
  kind: BlockKind;

  @Field(() => Int, { nullable: true, description: 'For a repeat: the index, in this list, of the block it repeats.' })
  repeatOf: number | null;
}
