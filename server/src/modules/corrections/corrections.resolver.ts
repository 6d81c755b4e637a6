import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import type { RequestContext } from '../../graphql/context.js';
import { CorrectSourceTextInput, ReanchorReport } from './corrections.types.js';

@Resolver()
export class CorrectionsResolver {
  @Authorized(...EDITORS)
  @Mutation(() => ReanchorReport, {
    description: 'Corrects the text: a new snapshot, and every evidence re-anchored, with a report. For editors and admins.',
  })
  correctSourceText(
    @Arg('input', { description: 'The source, the version you read, the whole corrected text, and what was wrong.' })
    input: CorrectSourceTextInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.corrections.correctText(writeContextOf(viewer, requestId, idempotency), input);
  }
}
