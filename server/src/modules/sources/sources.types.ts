import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';
import { AnchorStatus } from '../evidence/evidence.enums.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { TextSelector } from '../evidence/evidence.types.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export const SourceConnection = connectionType(Source, 'Source');

@InputType()
export class CreateSourceInput {
  @Field()
  title: string;

  @Field({ description: 'The text as published, page furniture included; it becomes the first snapshot.' })
  text: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, the first day of its period at `publishedPrecision`.' })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true })
  publishedBasis?: PublicationDateBasis | null;

  @Field(() => String, { nullable: true })
  publishedNote?: string | null;

  @Field({ description: 'BCP 47 language tag: "en", "my", "pt-BR".' })
  language: string;

  @Field(() => SourceKind)
  kind: SourceKind;

  @Field(() => Reliability, { nullable: true })
  reliability?: Reliability | null;

  @Field(() => String, { nullable: true })
  reliabilityNote?: string | null;

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: "Changes a source's metadata; the text changes only through correctSourceText. Left-out fields stay as they are." })
export class UpdateSourceInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true })
  publishedBasis?: PublicationDateBasis | null;

  @Field(() => String, { nullable: true })
  publishedNote?: string | null;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field(() => SourceKind, { nullable: true })
  kind?: SourceKind;

  @Field(() => Reliability, { nullable: true })
  reliability?: Reliability | null;

  @Field(() => String, { nullable: true })
  reliabilityNote?: string | null;
}

@InputType({ description: 'Replaces the text with a corrected one: a new snapshot, and every evidence re-anchored.' })
export class CorrectSourceTextInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field({ description: 'The whole corrected text.' })
  text: string;

  @Field({ description: 'What was wrong with the text.' })
  reason: string;
}

@ObjectType({ description: 'Where one evidence went when the text was corrected.' })
export class EvidenceReanchoring {
  @Field(() => Evidence)
  evidence: Evidence;

  @Field(() => AnchorStatus)
  status: AnchorStatus;

  @Field(() => String, { nullable: true, description: 'POSITION or QUOTE for an ANCHORED result.' })
  method: string | null;

  @Field(() => Float, { nullable: true, description: 'For a FUZZY result: how close the new words are to the old, 0 to 1.' })
  similarity: number | null;

  @Field(() => TextSelector)
  before: TextSelector;

  @Field(() => TextSelector, { nullable: true, description: 'Null for ORPHANED: the evidence stays on the text it matched.' })
  after: TextSelector | null;
}

@ObjectType({ description: 'What a text correction did to the evidence on the source.' })
export class ReanchorReport {
  @Field(() => Source)
  source: Source;

  @Field(() => SourceRevision)
  revision: SourceRevision;

  @Field(() => Int)
  anchored: number;

  @Field(() => Int)
  fuzzy: number;

  @Field(() => Int)
  orphaned: number;

  @Field(() => [EvidenceReanchoring], { description: 'Every evidence, FUZZY and ORPHANED first: those need an editor.' })
  changes: EvidenceReanchoring[];
}

@InputType()
export class SourceFilter {
  @Field(() => [SourceKind], { nullable: true })
  kind?: SourceKind[] | null;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags: "en", "my".' })
  language?: string[] | null;
}
