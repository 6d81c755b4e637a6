import { Arg, Args, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';

import { Role } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { PageArgs } from '../../core/paging/connection.js';
import { SHOWN_ONCE } from '../../core/revisions/idempotency.js';
import { DeleteInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../../graphql/context.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyConnection, CreateApiKeyInput, CreatedApiKey } from './users.types.js';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  @Authorized(Role.ADMIN)
  @Query(() => ApiKeyConnection, { description: "Client apps' keys, newest first (never the keys themselves). For admins." })
  apiKeys(@Args() page: PageArgs, @Ctx() { services }: RequestContext) {
    return services.apiKeys.list(page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Makes a key for a client app; the key itself is in the answer, this once. For admins.' })
  @Extensions({ [SHOWN_ONCE]: true })
  createApiKey(
    @Arg('input', { description: 'Which client app it is for, and when it expires.' }) input: CreateApiKeyInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.apiKeys.create(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes a key at once; `reason` says why. For admins.' })
  revokeApiKey(
    @Arg('input', { description: 'The key, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.apiKeys.revoke(writeContextOf(viewer, requestId, idempotency), input);
  }
}
