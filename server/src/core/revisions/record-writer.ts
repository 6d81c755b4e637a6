import type { DataSource, EntityManager } from 'typeorm';

import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { preparedQuery } from '../sql/prepared.js';
import { revisionHash } from './chain.js';
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
}

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
      if (rows.length === 0) {
        const current = (await manager.query(`SELECT "version" FROM "${kind.table}" WHERE "id" = $1`, [target.id])) as Array<{
          version: number;
        }>;
        if (current.length === 0) throw new NotFoundError(kind.recordType, target.id);
        throw new ConflictError(kind.recordType, target.id, target.expectedVersion, current[0]!.version);
      }
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

  /** Replaces the record's state with the one `next` computes from the current one. */
  replace<S extends RecordState>(
    context: WriteContext,
    kind: RecordKind<S>,
    target: ChangeTarget & { operation: RevisionOperation },
    next: (before: S, manager: EntityManager) => S | Promise<S>,
  ): Promise<Changed<S>> {
    return this.change(context, kind, target, async (manager, before) => kind.saveState(manager, target.id, await next(before, manager)));
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
    const revision = manager.create(Revision, {
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
    revision.hash = revisionHash(revision);
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
        JSON.stringify(revision.changes),
        JSON.stringify(state),
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
