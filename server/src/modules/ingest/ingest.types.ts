import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DatePrecision } from '../../core/dates/precision.js';
import { Source } from '../sources/source.entity.js';
import { PublicationDateBasis, Reliability, SourceKind } from '../sources/sources.enums.js';
import { ImportFormat } from './clean.js';

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'How the imported content is written.',
  valuesConfig: {
    TEXT: { description: 'Plain text, kept as it is (line endings and spacing aside).' },
    HTML: { description: 'A web page: reduced to its article, navigation and asides left out.' },
    MARKDOWN: { description: 'Markdown: markup removed, link text kept.' },
  },
});

@InputType({ description: 'A document to record as a new source, with what is known of it; the importer proposes drafts from its text.' })
export class ImportSourceInput {
  @Field(() => ImportFormat, { description: 'How `content` is written.' })
  format: ImportFormat;

  @Field({ description: 'The document as received: at most 5 MB.' })
  content: string;

  @Field(() => String, { nullable: true, description: 'The file it came from, for the record.' })
  fileName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Its title; the document's own (an HTML title, a Markdown heading, its first line) when left out.",
  })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was published: an http or https URL.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Its byline; an HTML page's own when left out." })
  author?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date, the first day of its period at `publishedPrecision`; relative dates in the text are resolved against it.',
  })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY, MONTH or YEAR; given with `publishedAt`.' })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true, description: 'How the date is known; required with `publishedAt`.' })
  publishedBasis?: PublicationDateBasis | null;

  @Field({ description: 'BCP 47 language tag: "en".' })
  language: string;

  @Field(() => SourceKind, { description: 'What sort of document it is.' })
  kind: SourceKind;

  @Field(() => Reliability, { nullable: true, description: 'Admiralty grade of the source, A to F.' })
  reliability?: Reliability | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Propose draft claims, events and new names from the text (the default), or only record the source.',
  })
  propose?: boolean | null;
}

@ObjectType({ description: 'A stored source whose text the imported one largely repeats: re-published, or lightly edited.' })
export class DuplicateSource {
  @Field(() => Source, { description: 'The source already stored.' })
  source: Source;

  @Field(() => Float, { description: 'Share of the two texts’ five-word passages they have in common, 0 to 1.' })
  similarity: number;
}

@ObjectType({ description: 'What an import did: the source, what it flagged, what it proposed.' })
export class ImportReport {
  @Field(() => Source, { description: 'The new source; its first snapshot is the cleaned text.' })
  source: Source;

  @Field(() => [DuplicateSource], {
    description: 'Stored sources this one repeats; each is also a note on the new source, tagged `duplicate-source`.',
  })
  duplicates: DuplicateSource[];

  @Field(() => Int, {
    description: 'Paragraphs printed twice in the text; each repeat is a note on its words, tagged `repeated-paragraph`.',
  })
  repeatedParagraphs: number;

  @Field(() => Int, { description: 'Draft claims proposed, each anchored on its sentence and PENDING for an editor.' })
  claimsProposed: number;

  @Field(() => Int, { description: 'Draft events proposed, dated from the text’s time expressions.' })
  eventsProposed: number;

  @Field(() => Int, {
    description:
      'Of the claims proposed, those offered as corroboration of a stored claim that says the same (`Claim.corroborates`): merging one adds its words there as evidence.',
  })
  claimsCorroborating: number;

  @Field(() => Int, {
    description:
      'Of the events proposed, those offered as more evidence of a stored event they tell again (`Event.corroborates`), some dating it more precisely.',
  })
  eventsCorroborating: number;

  @Field(() => Int, {
    description:
      "For a reprint (`Source.reprintOf`): proposals whose words joined the first copy's pending proposal as evidence instead of being proposed twice.",
  })
  folded: number;

  @Field(() => [String], { description: 'Names that match no known entity; each is a note on its first occurrence, tagged `new-name`.' })
  newNames: string[];

  @Field({ description: 'Hex SHA-256 of the document as received, before cleaning.' })
  originalSha256: string;

  @Field(() => [String], { description: 'What cleaning did, in order; also in the revision that records the source.' })
  steps: string[];
}

@InputType({ description: 'An imported proposal an editor takes on: it stays a draft, now theirs, and goes to review like any record.' })
export class AcceptProposalInput {
  @Field(() => ID, { description: 'The proposed claim or event.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why, for the history.' })
  reason?: string | null;
}

@InputType({
  description: 'An imported proposal that an existing record already states: its evidence joins that record, and the proposal is deleted.',
})
export class MergeProposalInput {
  @Field(() => ID, { description: 'The proposed claim or event.' })
  id: string;

  @Field(() => Int, { description: 'The version of the proposal you read.' })
  expectedVersion: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'The existing claim or event, of the same kind, that takes the evidence; left out, the one the import found it corroborates.',
  })
  intoId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, for the history.' })
  reason?: string | null;
}
