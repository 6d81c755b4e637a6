import { Field, ObjectType } from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import { manyByKey } from '../../core/loaders.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { ReviewStatus } from './review.enums.js';

@ObjectType({ description: 'One step of a record through review: sent to review, or judged, with who, when and why.' })
export class ReviewStep {
  @Field(() => ReviewStatus, { description: 'The status this step left the record in.' })
  status: ReviewStatus;

  @Field(() => String, { nullable: true, description: "The reviewer's comment, or the editor's note when sending it." })
  comment: string | null;

  @Field({ description: 'Who took the step, as the revision log names them: `user:<id>`, or a run such as `seed-review:<file>`.' })
  actor: string;

  actorUserId: string | null;

  @Field(() => Date, { description: 'When the step was taken.' })
  at: Date;
}

export function createReviewLoaders(manager: EntityManager) {
  return {
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
