import { createUnionType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Annotation } from '../annotations/annotation.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { EventType } from '../events/event-type.entity.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Source } from '../sources/source.entity.js';

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

@ObjectType({ description: "Where one record's hash chain breaks." })
export class ChainBreak {
  @Field(() => RecordType, { description: 'The kind of record.' })
  recordType: RecordType;

  @Field({ description: "The record's id." })
  recordId: string;

  @Field(() => Int, { description: 'The first revision that fails the check.' })
  version: number;

  @Field({ description: 'What is wrong: a missing version, a link to the wrong previous hash, or a hash that does not match the content.' })
  problem: string;
}

@ObjectType({ description: 'The result of checking the revision log, record by record.' })
export class ChainReport {
  @Field(() => Int, { description: 'How many records were checked; the check stops at the first break.' })
  records: number;

  @Field(() => Int, { description: 'How many revisions were checked.' })
  revisions: number;

  @Field(() => ChainBreak, { nullable: true, description: 'The first broken link, or null when every chain verifies.' })
  firstBreak: ChainBreak | null;
}

export const RevisionConnection = connectionType(Revision, 'Revision');
