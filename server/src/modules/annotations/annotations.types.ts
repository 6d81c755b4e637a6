import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { SelectorInput, TextSelector } from '../evidence/evidence.types.js';
import { Annotation } from './annotation.entity.js';
import { AnnotatedRecordType, Motivation } from './annotations.enums.js';

export const AnnotationConnection = connectionType(Annotation, 'Annotation');

@ObjectType({ description: 'The span of text a note is on.' })
export class AnnotationSpan {
  @Field(() => ID, { description: 'The text snapshot the selector points into; later corrections of the text do not move it.' })
  sourceRevisionId: string;

  @Field(() => TextSelector, { description: 'Where the words are in that text.' })
  selector: TextSelector;
}

@InputType({ description: "The words in a source's text that a note is on." })
export class AnnotationSpanInput {
  @Field(() => ID, { nullable: true, description: "A revision of the source; the source's current text when only `sourceId` is given." })
  sourceRevisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The source: the words are looked for in its current text.' })
  sourceId?: string | null;

  @Field(() => SelectorInput, { description: 'The words.' })
  selector: SelectorInput;
}

@InputType({ description: 'A note on a record, optionally on a span of a source text; a reply names its parent.' })
export class CreateAnnotationInput {
  @Field(() => AnnotatedRecordType, { description: 'The kind of record the note is on.' })
  targetType: AnnotatedRecordType;

  @Field(() => ID, { description: 'The record the note is on; a reply is on the same record as its parent.' })
  targetId: string;

  @Field(() => AnnotationSpanInput, { nullable: true, description: "The words in a source's text the note is on, if any." })
  span?: AnnotationSpanInput | null;

  @Field(() => Motivation, { description: 'Why the note is written.' })
  motivation: Motivation;

  @Field({ description: "The note's text; at most 20,000 characters." })
  body: string;

  @Field(() => [String], { nullable: true, description: 'Free-form tags: at most 50, each at most 100 characters.' })
  tags?: string[];

  @Field(() => ID, { nullable: true, description: 'The note this one replies to.' })
  parentId?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; the span and the record a note is on do not change.' })
export class UpdateAnnotationInput extends UpdateInputBase {
  @Field(() => Motivation, { nullable: true, description: 'Why the note is written.' })
  motivation?: Motivation;

  @Field(() => String, { nullable: true, description: "The note's text." })
  body?: string;

  @Field(() => [String], { nullable: true, description: 'Every tag: replaces the list.' })
  tags?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether the matter the note raises is settled.' })
  resolved?: boolean;
}

@InputType({ description: 'Narrows the list of threads; every condition given must hold.' })
export class AnnotationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Resolved threads only (true), or open ones only (false).' })
  resolved?: boolean | null;

  @Field(() => [Motivation], { nullable: true, description: 'Threads that start with one of these motivations.' })
  motivation?: Motivation[] | null;

  @Field(() => [AnnotatedRecordType], { nullable: true, description: 'Threads on these kinds of record.' })
  targetType?: AnnotatedRecordType[] | null;

  @Field(() => String, { nullable: true, description: 'Threads whose first note carries this tag.' })
  tag?: string | null;
}
