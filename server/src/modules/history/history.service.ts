import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors.js';
import { paginate, type Connection, type PageRequest } from '../../core/paging/connection.js';
import type { RecordState } from '../../core/revisions/diff.js';
import { RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { recordKind } from '../records.js';
import type { ReviewStatus } from '../review/review.enums.js';
import { statusAfterEdit } from '../review/review.workflow.js';
import { Role } from '../users/users.enums.js';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { canSee, type LookupOptions } from '../review/visibility.js';
import { auditLog, type LogAudit, type LogProblem } from './log-audit.js';

/** Records about people and keys, whose states hold emails and roles. */
const ACCOUNT_RECORDS: readonly RecordType[] = [RecordType.USER, RecordType.API_KEY];

export interface ChainReport extends LogAudit {
  firstBreak: LogProblem | null;
}

/** A report names at most this many problems: enough to see how far a tampering went, not a dump of the log. */
export const MAX_PROBLEMS = 1000;


/**
 * A record as it stood at `asOf`, rebuilt from the revision log (invariant 8); null if it did not exist yet.
 * The rebuilt record carries `asOfState`, so its own relation lists come from that moment too.
 */
export async function recordAt<T extends ObjectLiteral>(dataSource: DataSource, recordType: RecordType, recordId: string, asOf: Date): Promise<T | null> {
  const kind = recordKind(recordType);
  const rows = (await dataSource.query(
    `SELECT version, state, created_at, (SELECT created_at FROM revisions WHERE record_type = $1 AND record_id = $2 AND version = 1) AS first_at
       FROM revisions WHERE record_type = $1 AND record_id = $2 AND created_at <= $3 ORDER BY version DESC LIMIT 1`,
    [recordType, requireId(recordId), asOf],
  )) as Array<{ version: number; state: RecordState; created_at: Date; first_at: Date }>;
  const row = rows[0];
  if (!row) return null;
  const record = kind.hydrate({ id: recordId, version: row.version, createdAt: row.first_at, updatedAt: row.created_at }, row.state);
  return Object.assign(record, { asOfState: row.state }) as unknown as T;
}

/** The record now, or as it stood at `asOf`. */
export function findRecord<T extends ObjectLiteral>(
  dataSource: DataSource,
  recordType: RecordType,
  entity: EntityTarget<T>,
  id: string,
  asOf?: Date | null,
): Promise<T | null> {
  const key = requireId(id);
  return asOf ? recordAt<T>(dataSource, recordType, key, asOf) : dataSource.manager.findOneBy(entity, { id: key } as never);
}

/**
 * A record as a viewer may see it, now or at `asOf`. A past state is shown to client apps and anonymous callers
 * only if the record is visible now too: a deletion or a rejection since then stands.
 */
export async function findVisibleRecord<T extends ObjectLiteral & { deletedAt: Date | null; status?: ReviewStatus }>(
  dataSource: DataSource,
  viewer: Viewer,
  recordType: RecordType,
  entity: EntityTarget<T>,
  id: string,
  options: LookupOptions = {},
): Promise<T | null> {
  const record = await findRecord(dataSource, recordType, entity, id, options.asOf);
  if (!canSee(viewer, record, options)) return null;
  if (options.asOf && !seesUnreviewed(viewer) && !canSee(viewer, await findRecord(dataSource, recordType, entity, id))) return null;
  return record;
}

export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything one actor (a user, an API key, a seed run) wrote, newest first; accounts' records for admins only. */
  /** The latest revisions, of one actor or of all; accounts' revisions for admins only. */
  latest(viewer: Viewer, actor: string | null, page: PageRequest): Promise<Connection<Revision>> {
    const query = this.dataSource.manager.createQueryBuilder(Revision, 'revision');
    if (actor !== null) {
      const check = new InputCheck();
      const name = check.text('actor', actor, { max: 200 });
      check.done();
      query.andWhere('revision.actor = :name', { name });
    }
    if (!viewer.roles.includes(Role.ADMIN)) query.andWhere('revision.record_type NOT IN (:...accounts)', { accounts: ACCOUNT_RECORDS });
    return paginate(query, page);
  }

  /** A record's history, oldest first. Accounts' histories hold emails and roles: admins only. */
  forRecord(viewer: Viewer, recordType: RecordType, recordId: string): Promise<Revision[]> {
    if (ACCOUNT_RECORDS.includes(recordType) && !viewer.roles.includes(Role.ADMIN)) {
      throw new DomainError(ErrorCode.FORBIDDEN, "Only admins read the history of accounts and API keys");
    }
    return this.dataSource.manager.find(Revision, {
      where: { recordType, recordId: requireId(recordId, 'recordId') },
      order: { version: 'ASC' },
    });
  }

  recordAt<T extends ObjectLiteral>(recordType: RecordType, recordId: string, asOf: Date): Promise<T | null> {
    return recordAt(this.dataSource, recordType, recordId, asOf);
  }


  /**
   * Makes a past revision's content current again, as a new revision. Review status, deletion and merges are
   * not taken back: a reverted claim that was verified goes back to review like any other edit.
   */
  async revert(context: WriteContext, input: { revisionId: string; expectedVersion: number; reason?: string | null }): Promise<ObjectLiteral> {
    const check = new InputCheck();
    if (!/^[1-9][0-9]{0,18}$/.test(input.revisionId)) check.fail('revisionId', 'is not a revision id');
    const reason = check.optionalText('reason', input.reason, { max: 5000 });
    check.done();
    const revision = await this.dataSource.manager.findOneBy(Revision, { id: input.revisionId });
    if (!revision) throw new NotFoundError('Revision', input.revisionId);
    const kind = recordKind(revision.recordType);
    const { entity, revertable } = kind;
    if (revertable.length === 0) throw new BadInputError([{ field: 'revisionId', message: `${revision.recordType} records cannot be reverted` }]);
    await new RecordWriter(this.dataSource).replace(
      context,
      kind,
      { id: revision.recordId, expectedVersion: input.expectedVersion, reason: reason ?? `Revert to version ${revision.version}`, operation: RevisionOperation.UPDATE },
      (before) => {
        const after: RecordState = { ...before };
        for (const field of revertable) after[field] = revision.state[field] ?? null;
        if ('status' in before) after.status = statusAfterEdit(before.status as ReviewStatus);
        return after;
      },
    );
    return this.dataSource.manager.findOneByOrFail(entity, { id: revision.recordId });
  }

  /**
   * Checks every record's chain, replay and row against the log (see auditLog), and names up to `maxProblems`
   * problems; the first is `firstBreak`.
   */
  async verifyChains(filter: { recordType?: RecordType; recordId?: string } = {}, maxProblems = 100): Promise<ChainReport> {
    const check = new InputCheck();
    if (!Number.isInteger(maxProblems) || maxProblems < 1 || maxProblems > MAX_PROBLEMS) check.fail('maxProblems', `must be from 1 to ${MAX_PROBLEMS}`);
    check.done();
    const audit = await auditLog(this.dataSource, filter, maxProblems);
    return { ...audit, firstBreak: audit.problems[0] ?? null };
  }
}

/** The state a record was rebuilt from by `recordAt`, or undefined for a record read as it is now. */
export function historicalState<S>(record: object): S | undefined {
  return (record as { asOfState?: S }).asOfState;
}
