import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DatePrecision } from '../../core/dates/precision.js';
import { PublicationDateBasis, Reliability, SourceKind } from '../sources/sources.enums.js';
import { ImportFormat } from './clean.js';

export enum ImportItemStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  DUPLICATE = 'DUPLICATE',
  FAILED = 'FAILED',
}

registerEnumType(ImportItemStatus, {
  name: 'ImportItemStatus',
  description: 'Where one article of a batch import stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a worker, or being retried after a failure (`attempts`, `error`).' },
    DONE: { description: 'Imported: `source` is the new source, `report` what the import proposed.' },
    DUPLICATE: { description: 'Not imported again: a batch already imported the same content as `source`.' },
    FAILED: { description: 'Every try failed; `error` is the last reason. Nothing of it was stored.' },
  },
});

@InputType({ description: 'One file of a batch import: its name and contents.' })
export class ImportBatchFileInput {
  @Field({ description: 'The file it came from; its extension gives the format when `format` is left out.' })
  fileName: string;

  @Field({ description: 'The document as received: at most 5 MB.' })
  content: string;

  @Field(() => ImportFormat, { nullable: true, description: 'How `content` is written; from the file name when left out.' })
  format?: ImportFormat | null;
}

@InputType({ description: 'Files to import as sources, each as its own job, with what is known of them all.' })
export class StartImportBatchInput {
  @Field(() => [ImportBatchFileInput], { description: 'The files, from 1 to 1000; the request as a whole is at most 1 MiB.' })
  files: ImportBatchFileInput[];

  @Field({ description: 'BCP 47 language tag of every file: "en".' })
  language: string;

  @Field(() => SourceKind, { description: 'What sort of documents they are.' })
  kind: SourceKind;

  @Field(() => String, { nullable: true, description: 'ISO date of publication of every file, the first day of its period.' })
  publishedAt?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'DAY, MONTH or YEAR; given with `publishedAt`.' })
  publishedPrecision?: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true, description: 'How the date is known; required with `publishedAt`.' })
  publishedBasis?: PublicationDateBasis | null;

  @Field(() => String, { nullable: true, description: 'Who published them.' })
  publisher?: string | null;

  @Field(() => Reliability, { nullable: true, description: 'Admiralty grade of the sources, A to F.' })
  reliability?: Reliability | null;

  @Field(() => Boolean, { nullable: true, description: 'Propose drafts from each text (the default), or only record the sources.' })
  propose?: boolean | null;
}

/** What every file of a batch shares: the fields of `ImportSourceInput` that are not the file's own. */
export type ImportBatchOptions = Omit<StartImportBatchInput, 'files'>;

@ObjectType({ description: 'One article of a batch import and what became of it.' })
export class ImportBatchItem {
  @Field(() => ID, { description: 'The item, for a job to find.' })
  id: string;

  @Field(() => Int, { description: 'Its place in the batch, from 0.' })
  position: number;

  @Field({ description: 'The file it came from.' })
  fileName: string;

  @Field(() => ImportItemStatus, { description: 'Waiting, imported, repeating an earlier import, or failed.' })
  status: ImportItemStatus;

  @Field(() => Int, { description: 'Tries so far.' })
  attempts: number;

  @Field(() => ID, { nullable: true, description: 'The source it was imported as, or the earlier one it repeats (DUPLICATE).' })
  sourceId: string | null;

  @Field(() => String, { nullable: true, description: "That source's title." })
  sourceTitle: string | null;

  @Field(() => Int, { nullable: true, description: 'Draft claims the import proposed (DONE).' })
  claimsProposed: number | null;

  @Field(() => Int, { nullable: true, description: 'Draft events the import proposed (DONE).' })
  eventsProposed: number | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'What the import reported (DONE): duplicates flagged, repeats, corroborations, new names, cleaning steps.',
  })
  report: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed: kept while it is retried, and once it FAILED.' })
  error: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was settled.' })
  finishedAt: Date | null;
}

@ObjectType({ description: 'Files imported together, each as a job; its counts are its progress.' })
export class ImportBatch {
  @Field(() => ID, { description: 'The batch, for `importBatch(id:)`.' })
  id: string;

  @Field({ description: 'Who started it, as the revision log names actors.' })
  createdBy: string;

  @Field(() => Date, { description: 'When it was started.' })
  createdAt: Date;

  @Field(() => Int, { description: 'Articles in the batch.' })
  total: number;

  @Field(() => Int, { description: 'Articles imported, or found already imported (DONE or DUPLICATE).' })
  done: number;

  @Field(() => Int, { description: 'Articles that failed every try.' })
  failed: number;

  @Field(() => Int, { description: 'Articles still waiting or being retried.' })
  pending: number;

  @Field(() => Date, { nullable: true, description: 'When its last article was settled; null while any is pending.' })
  finishedAt: Date | null;
}
