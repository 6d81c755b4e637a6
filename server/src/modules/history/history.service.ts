import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import type { Viewer } from '../../core/access/viewer.js';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors.js';
import { type Connection, type PageRequest, paginate } from '../../core/paging/connection.js';
import type { ReviewStatus } from '../../core/review/status.js';
import { statusAfterEdit } from '../../core/review/workflow.js';
import type { RecordState } from '../../core/revisions/diff.js';
import { RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { recordAt } from '../../core/time-travel/time-travel.js';
import { InputCheck, requireId } from '../../core/validation.js';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { recordKind } from '../records.js';
import type { AuditActor, ChainStatus } from './history.types.js';
import { auditLog, type LogAudit, type LogProblem } from './log-audit.js';

export interface AuditFilter {
  actor: string | null;
  since: Date | null;
  until: Date | null;
  recordType: RecordType | null;
  operation: RevisionOperation | null;
}

/** Records about people and keys, whose states hold emails and roles. */
const ACCOUNT_RECORDS: readonly RecordType[] = [RecordType.USER, RecordType.API_KEY];

export interface ChainReport extends LogAudit {
  firstBreak: LogProblem | null;
}

/** A report names at most this many problems: enough to see how far a tampering went, not a dump of the log. */
export const MAX_PROBLEMS = 1000;

export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The revisions one actor (a user, an API key, a seed run) or everyone wrote, narrowed by time, record type and
   * operation; accounts' revisions for admins only. What `auditTrail` pages through and its CSV export streams.
   */
  auditQuery(viewer: Viewer, filter: AuditFilter): SelectQueryBuilder<Revision> {
    const check = new InputCheck();
    const name = filter.actor === null ? null : check.text('actor', filter.actor, { max: 200 });
    if (filter.since && filter.until && filter.since > filter.until) check.fail('until', 'is before `since`');
    check.done();
    const query = this.dataSource.manager.createQueryBuilder(Revision, 'revision');
    if (name !== null) query.andWhere('revision.actor = :name', { name });
    if (filter.since) query.andWhere('revision.createdAt >= :since', { since: filter.since });
    if (filter.until) query.andWhere('revision.createdAt < :until', { until: filter.until });
    if (filter.recordType) query.andWhere('revision.recordType = :recordType', { recordType: filter.recordType });
    if (filter.operation) query.andWhere('revision.operation = :operation', { operation: filter.operation });
    if (!viewer.roles.includes(Role.ADMIN)) query.andWhere('revision.record_type NOT IN (:...accounts)', { accounts: ACCOUNT_RECORDS });
    return query;
  }

  /**
   * Every account and API key whose name holds `search` (all when null), by name: the people an audit can be
   * narrowed to, whether or not they changed anything lately. Names only: emails stay with admins.
   */
  async actors(search: string | null, limit: number): Promise<AuditActor[]> {
    const check = new InputCheck();
    const words = search === null ? null : check.text('search', search, { max: 200 });
    check.done();
    const pattern = words === null ? null : `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (await this.dataSource.query(
      `SELECT actor, name, kind, gone FROM (
         SELECT 'user:' || id AS actor, name, 'USER' AS kind, deleted_at IS NOT NULL AS gone FROM users WHERE $1::text IS NULL OR name ILIKE $1
         UNION ALL
         SELECT 'api-key:' || id, name, 'API_KEY', deleted_at IS NOT NULL OR revoked_at IS NOT NULL FROM api_keys WHERE $1::text IS NULL OR name ILIKE $1
       ) AS everyone ORDER BY lower(name), actor LIMIT $2`,
      [pattern, limit],
    )) as AuditActor[];
  }

  latest(viewer: Viewer, filter: AuditFilter, page: PageRequest): Promise<Connection<Revision>> {
    return paginate(this.auditQuery(viewer, filter), page);
  }

  /**
   * Whether one record's chain verifies (hash, links, replay, row), its head, and how far the latest signed
   * checkpoint covers it: the chain status a record's history shows.
   */
  async chainStatus(viewer: Viewer, recordType: RecordType, recordId: string, checkpoints: CheckpointsService): Promise<ChainStatus> {
    const revisions = await this.forRecord(viewer, recordType, recordId);
    const head = revisions.at(-1);
    if (!head) throw new NotFoundError(recordType, recordId);
    const audit = await auditLog(this.dataSource, { recordType, recordId }, 1);
    const coverage = await checkpoints.coverageOf(recordType, recordId);
    return {
      recordType,
      recordId,
      verified: audit.problems.length === 0,
      problem: audit.problems[0] ?? null,
      version: head.version,
      headHash: head.hash,
      checkpoint: coverage?.checkpoint ?? null,
      coveredVersion: coverage?.head?.version ?? null,
      covered: coverage?.head?.version === head.version && coverage.head.hash === head.hash,
    };
  }

  /** A record's history, oldest first. Accounts' histories hold emails and roles: admins only. */
  forRecord(viewer: Viewer, recordType: RecordType, recordId: string): Promise<Revision[]> {
    if (ACCOUNT_RECORDS.includes(recordType) && !viewer.roles.includes(Role.ADMIN)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only admins read the history of accounts and API keys');
    }
    return this.dataSource.manager.find(Revision, {
      where: { recordType, recordId: requireId(recordId, 'recordId') },
      order: { version: 'ASC' },
    });
  }

  recordAt<T extends ObjectLiteral>(recordType: RecordType, recordId: string, asOf: Date): Promise<T | null> {
    return recordAt(this.dataSource, recordKind(recordType), recordId, asOf);
  }

  /**
   * Makes a past revision's content current again, as a new revision. Review status, deletion and merges are
   * not taken back: a reverted claim that was verified goes back to review like any other edit.
   */
  async revert(
    context: WriteContext,
    input: { revisionId: string; expectedVersion: number; reason?: string | null },
  ): Promise<ObjectLiteral> {
    const check = new InputCheck();
    if (!/^[1-9][0-9]{0,18}$/.test(input.revisionId)) check.fail('revisionId', 'is not a revision id');
    const reason = check.optionalText('reason', input.reason, { max: 5000 });
    check.done();
    const revision = await this.dataSource.manager.findOneBy(Revision, { id: input.revisionId });
    if (!revision) throw new NotFoundError('Revision', input.revisionId);
    const kind = recordKind(revision.recordType);
    const { entity, revertable } = kind;
    if (revertable.length === 0)
      throw new BadInputError([{ field: 'revisionId', message: `${revision.recordType} records cannot be reverted` }]);
    await new RecordWriter(this.dataSource).replace(
      context,
      kind,
      {
        id: revision.recordId,
        expectedVersion: input.expectedVersion,
        reason: reason ?? `Revert to version ${revision.version}`,
        operation: RevisionOperation.UPDATE,
      },
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
    if (!Number.isInteger(maxProblems) || maxProblems < 1 || maxProblems > MAX_PROBLEMS)
      check.fail('maxProblems', `must be from 1 to ${MAX_PROBLEMS}`);
    check.done();
    const audit = await auditLog(this.dataSource, filter, maxProblems);
    return { ...audit, firstBreak: audit.problems[0] ?? null };
  }
}
