import { createUnionType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Annotation } from '../annotations/annotation.entity.js';
import { Checkpoint } from '../checkpoints/checkpoints.types.js';
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

@ObjectType({ description: "One record's chain: whether it verifies, its head, and how far the latest signed checkpoint covers it." })
export class ChainStatus {
  @Field(() => RecordType, { description: 'The kind of record.' })
  recordType: RecordType;

  @Field({ description: "The record's id." })
  recordId: string;

  @Field({ description: 'Its hash chain links and hashes as stored, replays to its last state, and its row matches that state.' })
  verified: boolean;

  @Field(() => ChainBreak, { nullable: true, description: 'What is wrong when it does not verify.' })
  problem: ChainBreak | null;

  @Field(() => Int, { description: 'Its latest version: the chain head.' })
  version: number;

  @Field({ description: "The chain head's hash: its latest revision's." })
  headHash: string;

  @Field(() => Checkpoint, { nullable: true, description: 'The latest signed checkpoint; null when none was made yet.' })
  checkpoint: Checkpoint | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of this record that checkpoint holds as its leaf; null when the record is newer than it.',
  })
  coveredVersion: number | null;

  @Field({ description: 'The checkpoint holds the chain head itself: nothing written since is unsigned.' })
  covered: boolean;
}

export const RevisionConnection = connectionType(Revision, 'Revision');

export enum AuditActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}

registerEnumType(AuditActorKind, {
  name: 'AuditActorKind',
  description: "Whether an actor is an account or a client app's API key.",
  valuesConfig: {
    USER: { description: 'A person signed in with an account.' },
    API_KEY: { description: "A client app's API key." },
  },
});

@ObjectType({ description: 'Someone whose changes the audit trail can show: an account or an API key, by name.' })
export class AuditActor {
  @Field({ description: 'As the revision log names it, and as `auditTrail(actor:)` takes it: `user:<id>` or `api-key:<id>`.' })
  actor: string;

  @Field({ description: "The account's or the key's name." })
  name: string;

  @Field(() => AuditActorKind, { description: 'An account or an API key.' })
  kind: AuditActorKind;

  @Field({ description: 'Whether the account or key was deleted or revoked; its changes stay in the log.' })
  gone: boolean;
}
