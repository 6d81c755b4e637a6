import DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { type EntityManager, In } from 'typeorm';

import { Revision } from '../revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../revisions/revisions.enums.js';
import { manyByKey } from '../sql/batch.js';
import { ReviewStatus } from './status.js';

/** The operations that change what a record says, as opposed to its review status. */
const CONTENT_OPERATIONS = [
  RevisionOperation.CREATE,
  RevisionOperation.UPDATE,
  RevisionOperation.RESTORE,
  RevisionOperation.MERGE,
  RevisionOperation.REANCHOR,
];

export interface ContentChange {
  actor: string;
  at: Date;
}

/**
 * Who last changed what each record says, the one person who may not judge it (invariant 6). A claim or an event
 * is only as true as the words it rests on, so every write to its evidence counts (adding, re-selecting, deleting,
 * restoring, re-anchoring after a text correction) beside its own content revisions; otherwise whoever chose the
 * words could verify the record they support.
 */
export async function lastContentChanges(
  manager: EntityManager,
  recordType: RecordType.CLAIM | RecordType.EVENT,
  ids: readonly string[],
): Promise<Map<string, ContentChange>> {
  const supported = recordType === RecordType.CLAIM ? 'claim_id' : 'event_id';
  const rows = (await manager.query(
    `SELECT DISTINCT ON (subject) subject, actor, created_at
       FROM (SELECT record_id AS subject, actor, created_at, id FROM revisions
              WHERE record_type = $1 AND record_id = ANY($2) AND operation = ANY($3)
             UNION ALL
             SELECT e.${supported}, r.actor, r.created_at, r.id FROM evidence e
               JOIN revisions r ON r.record_type = $4 AND r.record_id = e.id
              WHERE e.${supported} = ANY($2) AND r.operation <> 'REVIEW') changes
      ORDER BY subject, id DESC`,
    [recordType, ids, CONTENT_OPERATIONS, RecordType.EVIDENCE],
  )) as Array<{ subject: string; actor: string; created_at: Date }>;
  return new Map(rows.map((row) => [row.subject, { actor: row.actor, at: row.created_at }]));
}

const lastContentChangeLoader = (manager: EntityManager, recordType: RecordType.CLAIM | RecordType.EVENT) =>
  new DataLoader<string, ContentChange | null>(async (ids) => {
    const changes = await lastContentChanges(manager, recordType, ids);
    return ids.map((id) => changes.get(id) ?? null);
  });

@ObjectType({
  description:
    'One step of a record through review: sent to review, or judged, with who, when and why. Staff read every step; others read only the verdicts that published or withdrew the record (VERIFIED, RETRACTED) and when, with no reviewer or comment.',
})
export class ReviewStep {
  @Field(() => ReviewStatus, { description: 'The status this step left the record in.' })
  status: ReviewStatus;

  @Field(() => String, { nullable: true, description: "The reviewer's comment, or the editor's note when sending it; staff only." })
  comment: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who took the step, as the revision log names them: `user:<id>`, or a run such as `seed-review:<file>`; staff only.',
  })
  actor: string | null;

  actorUserId: string | null;

  @Field(() => Date, { description: 'When the step was taken.' })
  at: Date;
}

export function createReviewLoaders(manager: EntityManager) {
  return {
    lastContentChangeOfClaim: lastContentChangeLoader(manager, RecordType.CLAIM),
    lastContentChangeOfEvent: lastContentChangeLoader(manager, RecordType.EVENT),
    reviewStepsByRecordId: manyByKey(
      async (ids: readonly string[]) =>
        (
          await manager.find(Revision, {
            select: { recordId: true, state: true, reason: true, actor: true, actorUserId: true, createdAt: true, version: true },
            where: { recordId: In([...ids]), operation: RevisionOperation.REVIEW },
            order: { version: 'ASC' },
          })
        ).map((revision) => ({ revision, step: toStep(revision) })),
      (row) => row.revision.recordId,
    ),
  };
}

function toStep(revision: Revision): ReviewStep {
  return Object.assign(new ReviewStep(), {
    status: revision.state.status as ReviewStatus,
    comment: revision.reason,
    actor: revision.actor,
    actorUserId: revision.actorUserId,
    at: revision.createdAt,
  });
}
