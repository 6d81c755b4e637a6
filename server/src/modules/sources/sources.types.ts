import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { BlockKind } from '../../core/text/blocks.js';
import { Source } from './source.entity.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';

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

  @Field(() => PublicationDateBasis, {
    nullable: true,
    description: 'How the date is known: required with `publishedAt`, refused without it.',
  })
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

@InputType({
  description: "Changes a source's metadata; the text changes only through correctSourceText. Left-out fields stay as they are.",
})
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
    description:
      'ISO date, the first day of its period at `publishedPrecision`; to clear it, null `publishedPrecision` and `publishedBasis` too.',
  })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY, MONTH or YEAR (WEEK is refused); goes with `publishedAt`.' })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, {
    nullable: true,
    description: 'How the date is known: required with a publication date, refused without one.',
  })
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

@ObjectType({
  description:
    'A paragraph of a text snapshot: one line of it, in code points as evidence counts them. The words are never changed, only labelled.',
})
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
