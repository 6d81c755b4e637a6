import { createUnionType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
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
  resolveType: (value) => RECORD_CLASSES.find((type) => value instanceof type),
});

@InputType()
export class RevertInput {
  @Field({ description: 'The revision whose content becomes current again.' })
  revisionId: string;

  @Field(() => Int, { description: "The record's current version." })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@ObjectType()
export class ChainBreak {
  @Field()
  recordType: string;

  @Field()
  recordId: string;

  @Field(() => Int)
  version: number;

  @Field()
  problem: string;
}

@ObjectType({ description: 'The result of checking the revision log, record by record.' })
export class ChainReport {
  @Field(() => Int)
  records: number;

  @Field(() => Int)
  revisions: number;

  @Field(() => ChainBreak, { nullable: true, description: 'The first broken link, or null when every chain verifies.' })
  firstBreak: ChainBreak | null;
}

export const RevisionConnection = connectionType(Revision, 'Revision');
