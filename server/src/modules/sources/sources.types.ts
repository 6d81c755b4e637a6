import { Field, InputType } from 'type-graphql';
import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';
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
