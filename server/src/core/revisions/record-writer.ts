import { DataSource, type EntityManager } from 'typeorm';

import { sessionHoldsParameters, sessionHoldsSql, SessionUnconfirmed, type UnconfirmedSession } from '../access/session-check.js';
import { BadInputError, ConflictError, type FieldProblem, NotFoundError } from '../errors.js';
import { checkReferencesIn, type Reference, type ReferenceCheck } from '../references.js';
import { preparedQuery } from '../sql/prepared.js';
import { canonicalJson } from './canonical-json.js';
import { revisionHash, type SerializedParts } from './chain.js';
import { diffStates, type RecordState } from './diff.js';
import { claimIdempotencyKey } from './idempotency.js';
import { Revision } from './revision.entity.js';
import { type RecordType, RevisionOperation } from './revisions.enums.js';

/** Who is writing, and in which request: every revision carries both. */
export interface WriteContext {
  /** `user:<id>` for a person, `seed:<file>` or `import:<run>` for a batch. */
  actor: string;
  actorUserId: string | null;
  requestId: string | null;
  /** A client's retry key for this request, claimed by the first write (see IdempotencyKey). */
  idempotency?: { key: string; fingerprint: string } | null;
  /** A session not yet confirmed in this request: the one-statement edit confirms it in its read, any other write refuses. */
  session?: UnconfirmedSession;
}

/** Only an edit reads the user with its own first statement; every other write needs the session confirmed before it. */
function requireConfirmed(context: WriteContext): void {
  if (context.session && !context.session.confirmed) throw new SessionUnconfirmed();
}

export interface RecordMeta {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What the write path knows of one kind of record: its table, and its whole state as the revision log keeps
 * it. `saveState` and `loadState` are inverses, which is what lets the log replay, revert and time-travel.
 */
export interface RecordKind<S extends RecordState, R = unknown> {
  recordType: RecordType;
  table: string;
  entity: new () => R;
  /**
   * The fields a revert may set back: what the record says. Never its review status (a revert must not skip
   * review), its deletion (that is delete and restore), a merge, or a source's text (that is correctSourceText).
   * Empty: the kind cannot be reverted.
   */
  revertable: readonly string[];
  loadState(manager: EntityManager, id: string): Promise<S | null>;
  /**
   * The one statement loadState runs (the record's id as $1) and how it reads the row: a change reads the state
   * before it in the same statement as its version bump, and an audit reads many records' states at once.
   */
  stateQuery(manager: EntityManager): StateQuery<S>;
  /**
   * Writes an existing record's rows (and its link rows) to match `state`, answering the state as the rows now
   * hold it, read in the same statement, which spares the write path reading it back.
   */
  saveState(manager: EntityManager, id: string, state: S): Promise<S>;
  /** The record as the API shows it, rebuilt from a state in the log. */
  hydrate(meta: RecordMeta, state: S): R;
  /**
   * The state as the rows will hold it once `state` is written and read back (ids as PostgreSQL writes them, each
   * link list without repeats and in order), so that a revision can be hashed before its write.
   */
  settle(manager: EntityManager, state: S): S;
  /** An existing record's edit, its revision and its reference checks as one statement (see editStatementSql). */
  edit(manager: EntityManager, edit: RecordEdit<S>): Promise<EditOutcome>;
}

/** What the one-statement edit writes: the state (settled), from the version expected, with its revision already hashed. */
export interface RecordEdit<S extends RecordState> {
  id: string;
  expectedVersion: number;
  state: S;
  revision: Revision;
  /** The revision's changes and state as the canonical JSON its hash covers, which is what the statement stores. */
  serialized: SerializedParts;
  references: Reference[];
}

/** An edit written, with the columns the write set (the state is the one given); or not, and the references that failed, if any. */
export type EditOutcome = { written: true; revisionId: string; meta: RecordMeta } | { written: false; problems: FieldProblem[] };

export interface StateQuery<S extends RecordState> {
  sql: string;
  read(row: Record<string, unknown>): S;
}

/** The fields every state has: a soft delete and its reason (invariant 5). */
export interface DeletableState extends RecordState {
  deletedAt: string | null;
  deleteReason: string | null;
}

export interface ChangeTarget {
  id: string;
  expectedVersion: number;
  reason: string | null;
}

export interface Written<S extends RecordState> {
  revision: Revision;
  state: S;
}

/** A change written: with the record's own columns as the write left them, so it can be answered without a read. */
export interface Changed<S extends RecordState> extends Written<S> {
  meta: RecordMeta;
}

const editReads = new WeakMap<StateQuery<RecordState>, { plain: string; checked: string }>();

/**
 * The edit's read: the state before, its version and the previous revision's hash; with `checked`, as one row whatever
 * is found, first whether the session's user still holds it (`sessionHoldsSql`, its parameters $3 to $5), the record
 * read only if it does. Made once per state query.
 */
function editReadSql(table: string, stateQuery: StateQuery<RecordState>, checked: boolean): string {
  let texts = editReads.get(stateQuery);
  if (!texts) {
    const read = `SELECT record."version", (SELECT "hash" FROM "revisions" WHERE "record_type" = $2 AND "record_id" = $1 AND "version" = record."version") AS "prevHash", state.*
         FROM "${table}" AS record, LATERAL (${stateQuery.sql}) AS state WHERE record."id" = $1`;
    texts = {
      plain: read,
      checked: `SELECT session."holds" AS "sessionHolds", found.* FROM (SELECT ${sessionHoldsSql('$3', '$4', '$5')} AS "holds") AS session
         LEFT JOIN LATERAL (${read}) AS found ON session."holds"`,
    };
    editReads.set(stateQuery, texts);
  }
  return checked ? texts.checked : texts.plain;
}

/**
 * The one write path (invariant 1). Each call is one transaction, or a savepoint inside the caller's, that
 * changes one record and appends exactly one revision, chained to that record's previous one.
 * The chain is per record: writers to different records never wait on each other, and the row lock taken by
 * the conditional version bump orders the writers of one record.
 */
export class RecordWriter {
  constructor(private readonly manager: EntityManager | DataSource) {}

  /** `persist` writes the new record's rows, and may answer its state as written, which spares reading it back. */
  async create<S extends RecordState>(
    context: WriteContext,
    kind: RecordKind<S>,
    id: string,
    reason: string | null,
    persist: (manager: EntityManager) => Promise<S | void>,
  ): Promise<Written<S>> {
    requireConfirmed(context);
    return this.manager.transaction(async (manager) => {
      await claimIdempotencyKey(manager, context);
      const state = (await persist(manager)) ?? (await this.mustLoad(manager, kind, id));
      const revision = await this.append(manager, context, kind.recordType, id, 1, RevisionOperation.CREATE, reason, null, state, null);
      return { revision, state };
    });
  }

  /**
   * Bumps the version only if it is still `expectedVersion` (invariant 3: TypeORM's save() would overwrite a
   * concurrent edit), then applies the change and records it.
   */
  async change<S extends RecordState>(
    context: WriteContext,
    kind: RecordKind<S>,
    target: ChangeTarget & { operation: RevisionOperation },
    apply: (manager: EntityManager, before: S) => Promise<S | void>,
  ): Promise<Changed<S>> {
    requireConfirmed(context);
    return this.manager.transaction(async (manager) => {
      await claimIdempotencyKey(manager, context);
      const stateQuery = kind.stateQuery(manager);
      // The previous revision's hash comes back with the new version: the chain's link costs no round trip of its own.
      // So does the state before the change: the statement's snapshot shows the rows as they were before its own
      // update, and they are the rows of the version bumped, since every change to a record's state bumps its
      // version (invariant 1) and the bump succeeds only on the version expected, after any concurrent one commits.
      const rows = await preparedQuery<
        { version: number; createdAt: Date; updatedAt: Date; prevHash: string | null } & Record<string, unknown>
      >(
        manager,
        `WITH bumped AS (
           UPDATE "${kind.table}" AS record SET "version" = "version" + 1, "updated_at" = now() WHERE "id" = $1 AND "version" = $2
           RETURNING record."version", record."created_at" AS "createdAt", record."updated_at" AS "updatedAt",
                     (SELECT "hash" FROM "revisions" WHERE "record_type" = $3 AND "record_id" = $1 AND "version" = record."version" - 1) AS "prevHash")
         SELECT * FROM bumped, LATERAL (${stateQuery.sql}) AS state`,
        [target.id, target.expectedVersion, kind.recordType],
      );
      if (rows.length === 0) return this.refuseStale(manager, kind, target);
      const { version, createdAt, updatedAt, prevHash } = rows[0]!;
      if (prevHash === null) throw new Error(`${kind.recordType} ${target.id} has no revision ${version - 1} to chain to`);
      const before = stateQuery.read(rows[0]!);
      const state = (await apply(manager, before)) ?? (await this.mustLoad(manager, kind, target.id));
      const revision = await this.append(
        manager,
        context,
        kind.recordType,
        target.id,
        version,
        target.operation,
        target.reason,
        before,
        state,
        prevHash,
      );
      return { revision, state, meta: { id: target.id, version, createdAt, updatedAt } };
    });
  }

  /**
   * Replaces the record's state with the one `next` computes from the current one. Outside a transaction, that is
   * two round trips: the state read, then one statement that writes the edit and its revision (see `edit`). Inside
   * a caller's transaction (an operation of several writes, or a request's retry key to claim with the write), the
   * steps run in a savepoint of it, so that a refused step undoes only this write.
   */
  replace<S extends RecordState>(
    context: WriteContext,
    kind: RecordKind<S>,
    target: ChangeTarget & { operation: RevisionOperation },
    next: (before: S, manager: EntityManager, references: ReferenceCheck) => S | Promise<S>,
  ): Promise<Changed<S>> {
    const inTransaction = !(this.manager instanceof DataSource) && this.manager.queryRunner?.isTransactionActive === true;
    if (inTransaction || context.idempotency) {
      return this.change(context, kind, target, async (manager, before) =>
        kind.saveState(manager, target.id, await next(before, manager, checkReferencesIn(manager))),
      );
    }
    return this.edit(context, kind, target, next);
  }

  /**
   * The edit in two round trips and no transaction of its own: the state before, its version and the previous
   * revision's hash in one read; then the new state is computed and settled, its revision hashed here exactly as
   * `change` would hash it, and one statement checks the references, bumps the version only from the one
   * expected, writes the rows and appends the revision (invariant 1: one statement is one transaction). The
   * state read is the expected version's, since every change to a record's state bumps its version: if another
   * writer got in between, the bump finds another version and nothing is written (invariant 3).
   */
  private async edit<S extends RecordState>(
    context: WriteContext,
    kind: RecordKind<S>,
    target: ChangeTarget & { operation: RevisionOperation },
    next: (before: S, manager: EntityManager, references: ReferenceCheck) => S | Promise<S>,
  ): Promise<Changed<S>> {
    const manager = this.manager instanceof DataSource ? this.manager.manager : this.manager;
    const stateQuery = kind.stateQuery(manager);
    const session = context.session?.confirmed === false ? context.session : null;
    const [current] = await preparedQuery<
      { version: number | null; prevHash: string | null; sessionHolds?: boolean | null } & Record<string, unknown>
    >(
      manager,
      editReadSql(kind.table, stateQuery, session !== null),
      session ? [target.id, kind.recordType, ...sessionHoldsParameters(session)] : [target.id, kind.recordType],
    );
    if (session) {
      if (current?.sessionHolds !== true) throw new SessionUnconfirmed();
      session.confirmed = true;
    }
    if (current?.version == null) throw new NotFoundError(kind.recordType, target.id);
    if (current.version !== target.expectedVersion)
      throw new ConflictError(kind.recordType, target.id, target.expectedVersion, current.version);
    if (current.prevHash === null) throw new Error(`${kind.recordType} ${target.id} has no revision ${current.version} to chain to`);
    const before = stateQuery.read(current);
    const references: Reference[] = [];
    const state = kind.settle(
      manager,
      await next(before, manager, async (wanted) => {
        references.push(...wanted);
      }),
    );
    const version = target.expectedVersion + 1;
    const { revision, serialized } = this.revisionOf(
      context,
      kind.recordType,
      target.id,
      version,
      target.operation,
      target.reason,
      before,
      state,
      current.prevHash,
    );
    const outcome = await kind.edit(manager, {
      id: target.id,
      expectedVersion: target.expectedVersion,
      state,
      revision,
      serialized,
      references,
    });
    if (!outcome.written) {
      if (outcome.problems.length > 0) throw new BadInputError(outcome.problems);
      return this.refuseStale(manager, kind, target);
    }
    revision.id = outcome.revisionId;
    return { revision, state, meta: outcome.meta };
  }

  /** The version a stale write lost to, read after its statement, which saw the rows as they were when it began. */
  private async refuseStale(manager: EntityManager, kind: RecordKind<RecordState>, target: ChangeTarget): Promise<never> {
    const current = (await manager.query(`SELECT "version" FROM "${kind.table}" WHERE "id" = $1`, [target.id])) as Array<{
      version: number;
    }>;
    if (current.length === 0) throw new NotFoundError(kind.recordType, target.id);
    throw new ConflictError(kind.recordType, target.id, target.expectedVersion, current[0]!.version);
  }

  /** Soft delete (invariant 5): the record stays, with when and why it was deleted; restore undoes it. */
  softDelete<S extends DeletableState>(context: WriteContext, kind: RecordKind<S>, target: ChangeTarget): Promise<Written<S>> {
    if (!target.reason?.trim()) throw new BadInputError([{ field: 'reason', message: 'say why the record is deleted' }]);
    return this.replace(context, kind, { ...target, operation: RevisionOperation.DELETE }, (before) => {
      if (before.deletedAt) throw new BadInputError([{ field: 'id', message: `${kind.recordType} ${target.id} is already deleted` }]);
      return { ...before, deletedAt: new Date().toISOString(), deleteReason: target.reason!.trim() };
    });
  }

  restore<S extends DeletableState>(context: WriteContext, kind: RecordKind<S>, target: ChangeTarget): Promise<Written<S>> {
    return this.replace(context, kind, { ...target, operation: RevisionOperation.RESTORE }, (before) => {
      if (!before.deletedAt) throw new BadInputError([{ field: 'id', message: `${kind.recordType} ${target.id} is not deleted` }]);
      return { ...before, deletedAt: null, deleteReason: null };
    });
  }

  private async mustLoad<S extends RecordState>(manager: EntityManager, kind: RecordKind<S>, id: string): Promise<S> {
    const state = await kind.loadState(manager, id);
    if (!state) throw new NotFoundError(kind.recordType, id);
    return state;
  }

  /**
   * A revision, hashed, with its changes and state as the canonical JSON the hash covers: what both `append` and the
   * one-statement edit write, so each is serialised once (jsonb reads that text as it would any other of the same value).
   */
  private revisionOf(
    context: WriteContext,
    recordType: RecordType,
    recordId: string,
    version: number,
    operation: RevisionOperation,
    reason: string | null,
    before: RecordState | null,
    state: RecordState,
    prevHash: string | null,
  ): { revision: Revision; serialized: SerializedParts } {
    const revision = Object.assign(new Revision(), {
      recordType,
      recordId,
      version,
      operation,
      changes: diffStates(before, state),
      state,
      reason,
      actor: context.actor,
      actorUserId: context.actorUserId,
      requestId: context.requestId,
      createdAt: new Date(),
      prevHash,
    });
    const serialized = { changes: canonicalJson(revision.changes), state: canonicalJson(state) };
    revision.hash = revisionHash(revision, serialized);
    return { revision, serialized };
  }

  private async append(
    manager: EntityManager,
    context: WriteContext,
    recordType: RecordType,
    recordId: string,
    version: number,
    operation: RevisionOperation,
    reason: string | null,
    before: RecordState | null,
    state: RecordState,
    prevHash: string | null,
  ): Promise<Revision> {
    const { revision, serialized } = this.revisionOf(context, recordType, recordId, version, operation, reason, before, state, prevHash);
    // Written by hand: TypeORM's insert builder costs more than the insert on every write.
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO "revisions" ("record_type", "record_id", "version", "operation", "changes", "state", "reason", "actor", "actor_user_id", "request_id", "created_at", "prev_hash", "hash")
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13) RETURNING "id"`,
      [
        recordType,
        recordId,
        version,
        operation,
        serialized.changes,
        serialized.state,
        reason,
        context.actor,
        context.actorUserId,
        context.requestId,
        revision.createdAt,
        prevHash,
        revision.hash,
      ],
    );
    revision.id = row!.id;
    return revision;
  }
}
