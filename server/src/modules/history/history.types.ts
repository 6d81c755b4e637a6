import { createUnionType, Field, InputType, Int, ObjectType } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Annotation } from '../annotations/annotation.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { EventType } from '../events/event-type.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Source } from '../sources/source.entity.js';
import { LogProblemKind } from './log-audit.js';

const RECORD_CLASSES = [Source, EntityRecord, EventType, Event, Claim, Evidence, Annotation] as const;

export const AnyRecord = createUnionType({
  name: 'AnyRecord',
  description: 'Any record with a history.',
  types: () => RECORD_CLASSES,
});

@InputType({ description: "Which past revision's content to make current again." })
export class RevertInput {
  @Field({ description: 'The revision whose content becomes current again.' })
  revisionId: string;

  @Field(() => Int, { description: "The record's current version." })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why; "Revert to version <n>" when left out.' })
  reason?: string | null;
}

@ObjectType({ description: "A problem with one record's history: where its chain breaks, or where its row and its revisions disagree." })
export class ChainBreak {
  @Field(() => LogProblemKind, { description: 'What kind of problem.' })
  kind: LogProblemKind;

  @Field(() => RecordType, { description: 'The kind of record.' })
  recordType: RecordType;

  @Field({ description: "The record's id." })
  recordId: string;

  @Field(() => Int, {
    description: "The first revision that fails the check; for a row that disagrees with its revisions, the row's version.",
  })
  version: number;

  @Field({ description: 'What is wrong, in words.' })
  problem: string;
}

@ObjectType({ description: 'The result of checking the revision log, record by record.' })
export class ChainReport {
  @Field(() => Int, { description: 'How many records with revisions were checked.' })
  records: number;

  @Field(() => Int, { description: 'How many revisions were checked.' })
  revisions: number;

  @Field(() => ChainBreak, {
    nullable: true,
    description: 'The first problem found (records in order of type, then id), or null when the whole log verifies.',
  })
  firstBreak: ChainBreak | null;

  @Field(() => [ChainBreak], { description: 'Every problem found, up to `maxProblems`.' })
  problems: ChainBreak[];

  @Field({ description: 'True when the check stopped at `maxProblems`: there may be more.' })
  truncated: boolean;
}

export const RevisionConnection = connectionType(Revision, 'Revision');
