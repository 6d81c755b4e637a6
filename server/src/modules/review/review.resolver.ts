import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS, REVIEWERS, STAFF } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { PageArgs, pageOfList } from '../../core/paging/connection.js';
import { ReviewStep } from '../../core/review/steps.js';
import type { RequestContext } from '../../graphql/context.js';
import { ReviewableRecord, ReviewInput, ReviewQueueItem, ReviewQueueItemConnection, SubmitForReviewInput } from './review.types.js';

@Resolver()
export class ReviewResolver {
  @Authorized(...EDITORS)
  @Mutation(() => ReviewableRecord, {
    description: 'Sends a DRAFT or DISPUTED claim or event to review: its status becomes IN_REVIEW. For editors and admins.',
  })
  submitForReview(
    @Arg('input', { description: 'The record, the version you read, and a note for the reviewer.' }) input: SubmitForReviewInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.review.submit(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => ReviewableRecord, {
    description:
      'VERIFY, DISPUTE or REJECT a record in review, or RETRACT a verified one. Nobody reviews their own last change. For reviewers and admins.',
  })
  review(
    @Arg('input', { description: 'The record, the version you reviewed, your decision, and why.' }) input: ReviewInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.review.review(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Query(() => ReviewQueueItemConnection, {
    description: 'What waits for a reviewer, longest waiting first. For staff: editors, reviewers and admins.',
  })
  async reviewQueue(@Args() page: PageArgs, @Ctx() { services }: RequestContext) {
    return pageOfList(await services.review.queue(), page, (item) => [item.submittedAt.toISOString(), item.record.id]);
  }
}

@Resolver(() => ReviewStep)
export class ReviewStepResolver {
  @FieldResolver(() => String, { nullable: true, description: "Who took the step, by name: the user's, or the run's; staff only." })
  async actorName(@Root() step: ReviewStep, @Ctx() { loaders }: RequestContext): Promise<string | null> {
    return step.actorUserId ? ((await loaders.userById.load(step.actorUserId))?.name ?? step.actor) : step.actor;
  }
}

@Resolver(() => ReviewQueueItem)
export class ReviewQueueItemResolver {
  @FieldResolver(() => String, {
    description: "Who sent it, or whose change sent it back, by name: the user's or the key's, or the run's.",
  })
  async submittedByName(@Root() item: ReviewQueueItem, @Ctx() { loaders }: RequestContext): Promise<string> {
    const [, kind, id] = /^(user|api-key):(.+)$/.exec(item.submittedBy) ?? [];
    if (kind === 'user') return (await loaders.userById.load(id!))?.name ?? item.submittedBy;
    if (kind === 'api-key') return (await loaders.apiKeyById.load(id!))?.name ?? item.submittedBy;
    return item.submittedBy;
  }
}
