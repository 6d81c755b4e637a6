import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import { BadInputError, ConflictError, DomainError, ErrorCode } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { type Connection, type PageRequest, paginate } from '../../core/paging/connection.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { onPrimary } from '../../db/read-replicas.js';
import { LoginLimiter } from './login-limiter.js';
import { passwordProblem } from './password-policy.js';
import { User, UserRecord, type UserState } from './user.entity.js';
import type { UpdateUserInput } from './users.types.js';

export interface CreateUserInput {
  id?: string;
  email: string;
  name: string;
  roles: Role[];
  password: string | null;
  reason?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended family. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

/** Users whose last read found them active, remembered with their session generation and roles: one per user, at most this many. */
const ACTIVE_KEPT = 10_000;

export class UsersService {
  private readonly limiter: LoginLimiter;
  /** What the last read of each active user found: a guess to confirm, never a grant (core/access/session-check.ts). */
  private readonly lastSeen = new Map<string, { generation: number; roles: readonly Role[] }>();

  constructor(private readonly dataSource: DataSource) {
    this.limiter = new LoginLimiter(dataSource);
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.createQueryBuilder(User, 'user').where('lower(user.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  async create(
    context: WriteContext,
    input: CreateUserInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<UserState>> {
    const check = new InputCheck();
    const email = check.text('email', input.email, { max: 320 }).toLowerCase();
    if (!EMAIL.test(email)) check.fail('email', 'must be an email address');
    const name = check.text('name', input.name, { max: 200 });
    const roles = [...new Set(input.roles.map((role, i) => check.oneOf(`roles[${i}]`, role, Role)))].sort();
    // An account with no role signs in to nothing it could not read anonymously: always a slip, never an intent.
    if (roles.length === 0) check.fail('roles', 'give at least one role');
    const weak = input.password === null ? null : passwordProblem(input.password, { email, name });
    if (weak) check.fail('password', weak);
    check.done();
    if (await this.findByEmail(email, manager)) throw new BadInputError([{ field: 'email', message: 'is already in use' }]);
    const passwordHash = input.password === null ? null : await hashPassword(input.password);
    const id = input.id ?? newId();
    const now = new Date();
    return new RecordWriter(manager).create(context, UserRecord, id, input.reason ?? null, (tx) =>
      UserRecord.insertState(
        tx,
        id,
        { email, name, roles, disabled: false, passwordDigest: null, deletedAt: null, deleteReason: null },
        now,
        { passwordHash },
      ),
    );
  }

  list(page: PageRequest): Promise<Connection<User>> {
    return paginate(this.dataSource.manager.createQueryBuilder(User, 'user').where('user.deletedAt IS NULL'), page);
  }

  /**
   * Admins change names, roles and whether an account may sign in; nobody removes their own admin role. A change of
   * roles, or disabling, also ends the user's sessions: they sign in again to whatever they may now do.
   */
  async update(context: WriteContext, input: UpdateUserInput): Promise<User> {
    const id = requireId(input.id);
    await new RecordWriter(this.dataSource).change(
      context,
      UserRecord,
      { id, expectedVersion: input.expectedVersion, reason: input.reason ?? null, operation: RevisionOperation.UPDATE },
      async (manager, before) => {
        const check = new InputCheck();
        const name = input.name === undefined ? before.name : check.text('name', input.name, { max: 200 });
        const roles =
          input.roles === undefined
            ? before.roles
            : [...new Set(input.roles.map((role, i) => check.oneOf(`roles[${i}]`, role, Role)))].sort();
        const disabled = input.disabled ?? before.disabled;
        if (context.actorUserId === id && (disabled || (before.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)))) {
          check.fail('roles', 'you cannot lock yourself out: another admin must do this');
        }
        check.done();
        const next = { ...before, name, roles, disabled };
        await UserRecord.saveState(manager, id, next);
        if ((disabled && !before.disabled) || roles.join() !== before.roles.join()) await nextSessionGeneration(manager, id);
        return next;
      },
    );
    return this.dataSource.manager.findOneByOrFail(User, { id });
  }

  /**
   * A user changes their own password, proving they know the current one (within the sign-in limits, so it cannot
   * be used to guess). The revision shows the change, never the hash. Every session ends with the old password:
   * the caller is given a new one from the user returned.
   */
  async changePassword(context: WriteContext, userId: string, current: string, next: string, address: string): Promise<User> {
    const user = await this.dataSource.manager.findOneByOrFail(User, { id: userId });
    await this.login(user.email, current, address);
    const check = new InputCheck();
    if (next === current) check.fail('newPassword', 'must differ from the current one');
    else {
      const weak = passwordProblem(next, user);
      if (weak) check.fail('newPassword', weak);
    }
    check.done();
    const passwordHash = await hashPassword(next);
    await new RecordWriter(this.dataSource).change(
      context,
      UserRecord,
      { id: userId, expectedVersion: user.version, reason: 'Password changed', operation: RevisionOperation.UPDATE },
      async (manager) => {
        await manager.update(User, { id: userId }, { passwordHash });
        await nextSessionGeneration(manager, userId);
      },
    );
    return this.dataSource.manager.findOneByOrFail(User, { id: userId });
  }

  /**
   * Ends every session of the user (sign-out does: a generation cannot end one token and spare the rest). A write
   * to the user like any other, with a revision whose reason says so; retried over a concurrent edit of the user,
   * since signing out must not fail for it.
   */
  async endSessions(context: WriteContext, userId: string, reason: string): Promise<void> {
    for (let tries = 1; ; tries++) {
      const { version } = await this.dataSource.manager.findOneByOrFail(User, { id: userId });
      try {
        await new RecordWriter(this.dataSource).change(
          context,
          UserRecord,
          { id: userId, expectedVersion: version, reason, operation: RevisionOperation.UPDATE },
          (manager) => nextSessionGeneration(manager, userId),
        );
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || tries === 3) throw error;
      }
    }
  }

  /**
   * Signs in, within the attempt limits (counted before the password is checked); a wrong email and a wrong password
   * get the same answer. On the primary: a new account, a changed password or a disabling counts at once.
   */
  login(email: string, password: string, address: string): Promise<User> {
    return onPrimary(() => this.signIn(email, password, address));
  }

  private async signIn(email: string, password: string, address: string): Promise<User> {
    await this.limiter.attempt(email, address);
    const user = await this.authenticate(email, password);
    if (!user) {
      await this.limiter.forgetStale();
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    }
    await this.limiter.succeed(email, address);
    return user;
  }

  /** The user whose password this is, or null: the same answer, and about the same time, for every failure. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.findByEmail(email);
    if (!user?.passwordHash || user.disabled || user.deletedAt) {
      await argon2.verify(DUMMY_HASH, password).catch(() => false);
      return null;
    }
    return (await argon2.verify(user.passwordHash, password)) ? user : null;
  }

  /** The user a session names, if they may still act. */
  async active(id: string): Promise<User | null> {
    const user = await this.dataSource.manager.findOneBy(User, { id });
    const active = user && !user.disabled && !user.deletedAt ? user : null;
    this.lastSeen.delete(id);
    if (active) {
      if (this.lastSeen.size >= ACTIVE_KEPT) this.lastSeen.delete(this.lastSeen.keys().next().value!);
      this.lastSeen.set(id, { generation: active.sessionGeneration, roles: active.roles });
    }
    return active;
  }

  /** The roles the last read of this user found at this session generation, if it found them active. */
  lastSeenRoles(id: string, generation: number): readonly Role[] | null {
    const seen = this.lastSeen.get(id);
    return seen?.generation === generation ? seen.roles : null;
  }
}

const nextSessionGeneration = async (manager: EntityManager, id: string): Promise<void> => {
  await manager.increment(User, { id }, 'sessionGeneration', 1);
};

/** Verified against when the account does not exist, so a miss costs what a hit does. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$1XBhTGvJ6J6b8a4Qz6m8VZ4Ex1F4rY8ZQm0bHqY3k5A';
