import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { SelectorInput, TextSelector } from '../evidence/evidence.types.js';
import { AnnotatedRecordType, Motivation } from './annotations.enums.js';

@ObjectType({ description: 'The span of text a note is on.' })
export class AnnotationSpan {
  @Field(() => ID)
  sourceRevisionId: string;

  @Field(() => TextSelector)
  selector: TextSelector;
}

@InputType()
export class AnnotationSpanInput {
  @Field(() => ID, { nullable: true, description: "A revision of the source; the source's current text when only `sourceId` is given." })
  sourceRevisionId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceId?: string | null;

  @Field(() => SelectorInput)
  selector: SelectorInput;
}

@InputType({ description: 'A note on a record, optionally on a span of a source text; a reply names its parent.' })
export class CreateAnnotationInput {
  @Field(() => AnnotatedRecordType)
  targetType: AnnotatedRecordType;

  @Field(() => ID)
  targetId: string;

  @Field(() => AnnotationSpanInput, { nullable: true })
  span?: AnnotationSpanInput | null;

  @Field(() => Motivation)
  motivation: Motivation;

  @Field()
  body: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => ID, { nullable: true, description: 'The note this one replies to.' })
  parentId?: string | null;
}

@InputType()
export class UpdateAnnotationInput extends UpdateInputBase {
  @Field(() => Motivation, { nullable: true })
  motivation?: Motivation;

  @Field(() => String, { nullable: true })
  body?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => Boolean, { nullable: true })
  resolved?: boolean;
}
