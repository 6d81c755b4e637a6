import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';

import { Role } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { PageArgs } from '../../core/paging/connection.js';
import type { RequestContext } from '../../graphql/context.js';
import { User } from './user.entity.js';
import { ChangePasswordInput, CreateUserInput, LoginInput, LoginResult, UpdateUserInput, UserConnection } from './users.types.js';

@Resolver(() => User)
export class UsersResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null for anonymous callers and API keys.' })
  me(@Ctx() { viewer, loaders }: RequestContext) {
    return viewer.userId ? loaders.userById.load(viewer.userId) : null;
  }

  @Mutation(() => LoginResult, { description: 'Signs in: sets an HttpOnly session cookie.' })
  async login(
    @Arg('input', { description: 'Email and password.' }) input: LoginInput,
    @Ctx() context: RequestContext,
  ): Promise<LoginResult> {
    const { services, sessionCookie } = context;
    const user = await services.users.login(input.email, input.password, context.clientAddress);
    const token = await services.sessions.issue(user.id, user.sessionGeneration);
    sessionCookie.set(token, services.sessions.ttlSeconds);
    // The rest of this request, the result's fields included, is answered as the user now signed in.
    context.viewer = { userId: user.id, roles: user.roles };
    return { user, expiresAt: new Date(Date.now() + services.sessions.ttlSeconds * 1000) };
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Every account, newest first. For admins.' })
  users(@Args() page: PageArgs, @Ctx() { services }: RequestContext) {
    return services.users.list(page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Creates an account that signs in with a password. For admins.' })
  async createUser(
    @Arg('input', { description: 'Email, name, roles and first password.' }) input: CreateUserInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.users.create(writeContextOf(viewer, requestId, idempotency), {
      ...input,
      reason: 'Created by an admin',
    });
    return services.users.active(written.revision.recordId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, {
    description:
      "Changes a user's name or roles, or whether they may sign in; a change of roles, or disabling, ends the user's sessions. For admins.",
  })
  async updateUser(
    @Arg('input', { description: 'The user, the version you read, and the fields to change.' }) input: UpdateUserInput,
    @Ctx() { services, viewer, requestId, idempotency, sessionCookie }: RequestContext,
  ) {
    const user = await services.users.update(writeContextOf(viewer, requestId, idempotency), input);
    // An admin who gives themself a role ends their own sessions too, but not the one they are using.
    if (user.id === viewer.userId)
      sessionCookie.set(await services.sessions.issue(user.id, user.sessionGeneration), services.sessions.ttlSeconds);
    return user;
  }

  @Authorized()
  @Mutation(() => User, {
    description:
      'Changes your own password and ends your other sessions; this one goes on in a new session cookie. For any signed-in user.',
  })
  async changePassword(
    @Arg('input', { description: 'The current password and the new one.' }) input: ChangePasswordInput,
    @Ctx() { services, viewer, requestId, clientAddress, sessionCookie }: RequestContext,
  ) {
    if (!viewer.userId)
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only people have passwords; an API key is revoked and replaced instead');
    const user = await services.users.changePassword(
      writeContextOf(viewer, requestId),
      viewer.userId,
      input.currentPassword,
      input.newPassword,
      clientAddress,
    );
    sessionCookie.set(await services.sessions.issue(user.id, user.sessionGeneration), services.sessions.ttlSeconds);
    return user;
  }

  @Mutation(() => Boolean, {
    description: 'Signs out: ends every session of the signed-in user, on every device, and clears the session cookie.',
  })
  async logout(@Ctx() { services, viewer, requestId, sessionCookie }: RequestContext): Promise<boolean> {
    if (viewer.userId)
      await services.users.endSessions(writeContextOf(viewer, requestId), viewer.userId, 'Signed out: every session ended');
    sessionCookie.clear();
    return true;
  }

  /** An address is personal data: its owner and admins see it, nobody else. */
  @Authorized()
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The address they sign in with. Only they and admins may read it; others get FORBIDDEN.',
  })
  email(@Root() user: User, @Ctx() { viewer }: RequestContext): string {
    if (viewer.userId === user.id || viewer.roles.includes(Role.ADMIN)) return user.email;
    throw new DomainError(ErrorCode.FORBIDDEN, "Only its owner and admins see a user's email");
  }
}
