import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import type { RequestContext } from '../../graphql/context.js';
import { ReviewableRecord } from '../review/review.types.js';
import { AcceptProposalInput, ImportReport, ImportSourceInput, MergeProposalInput } from './ingest.types.js';

@Resolver()
export class IngestResolver {
  @Authorized(...EDITORS)
  @Mutation(() => ImportReport, {
    description:
      'Records a document as a new source, cleaned (HTML reduced to its article), flags what it repeats, and proposes draft claims, events and new names for editors to accept, merge or discard. One transaction. For editors and admins.',
  })
  importSource(
    @Arg('input', { description: 'The document, its format, and what is known of it.' }) input: ImportSourceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.ingest.importSource(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ReviewableRecord, {
    description:
      'Takes an imported proposal on: it stays a draft, with you as its last editor, ready to send to review. For editors and admins.',
  })
  acceptProposal(
    @Arg('input', { description: 'The proposal, the version you read, and why.' }) input: AcceptProposalInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.ingest.accept(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ReviewableRecord, {
    description:
      "Folds an imported proposal into an existing claim or event that already says it: the proposal's evidence joins that record and the proposal is deleted. Returns the record merged into. For editors and admins.",
  })
  mergeProposal(
    @Arg('input', { description: 'The proposal, the version you read, the record it merges into, and why.' }) input: MergeProposalInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.ingest.merge(writeContextOf(viewer, requestId, idempotency), input);
  }
}
