import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DomainError, ErrorCode } from '../../core/errors.js';
import type { RequestContext } from '../context.js';
import { User } from './user.entity.js';
import { Role } from './users.enums.js';
import { CreateUserInput, LoginInput, LoginResult, UpdateUserInput } from './users.types.js';
import { writeContextOf } from './viewer.js';

@Resolver(() => User)
export class UsersResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() { viewer, loaders }: RequestContext) {
    return viewer.userId ? loaders.userById.load(viewer.userId) : null;
  }

  @Mutation(() => LoginResult, { description: 'Signs in: sets an HttpOnly session cookie.' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: RequestContext): Promise<LoginResult> {
    const { services, sessionCookie } = context;
    const user = await services.users.login(input.email, input.password, context.clientAddress);
    const token = await services.sessions.issue(user.id);
    sessionCookie.set(token, services.sessions.ttlSeconds);
    // The rest of this request, the result's fields included, is answered as the user now signed in.
    context.viewer = { userId: user.id, roles: user.roles };
    return { user, expiresAt: new Date(Date.now() + services.sessions.ttlSeconds * 1000) };
  }

  @Authorized(Role.ADMIN)
  @Query(() => [User], { description: 'Every account, by name.' })
  users(@Ctx() { services }: RequestContext) {
    return services.users.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    const written = await services.users.create(writeContextOf(viewer, requestId, idempotency), { ...input, reason: 'Created by an admin' });
    return services.users.active(written.revision.recordId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.users.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Mutation(() => Boolean, { description: 'Signs out: clears the session cookie.' })
  logout(@Ctx() { sessionCookie }: RequestContext): boolean {
    sessionCookie.clear();
    return true;
  }

  /** An address is personal data: its owner and admins see it, nobody else. */
  @Authorized()
  @FieldResolver(() => String, { nullable: true })
  email(@Root() user: User, @Ctx() { viewer }: RequestContext): string {
    if (viewer.userId === user.id || viewer.roles.includes(Role.ADMIN)) return user.email;
    throw new DomainError(ErrorCode.FORBIDDEN, "Only its owner and admins see a user's email");
  }
}
