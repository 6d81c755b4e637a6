import { registerEnumType } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';

import { sameJson } from '../../core/revisions/canonical-json.js';
import { verifyRecordChain } from '../../core/revisions/chain.js';
import { type RecordState, replayChanges } from '../../core/revisions/diff.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { requireId } from '../../core/validation.js';
import { recordKind, RECORDS } from '../records.js';

export enum LogProblemKind {
  CHAIN = 'CHAIN',
  REPLAY = 'REPLAY',
  ROW_VERSION = 'ROW_VERSION',
  ROW_STATE = 'ROW_STATE',
  NO_REVISIONS = 'NO_REVISIONS',
  NO_ROW = 'NO_ROW',
}

registerEnumType(LogProblemKind, {
  name: 'LogProblemKind',
  description: 'What a check of the revision log found wrong with one record.',
  valuesConfig: {
    CHAIN: {
      description:
        'Its hash chain breaks: a missing version, a link to the wrong previous hash, or a hash that does not match the content.',
    },
    REPLAY: { description: "Replaying its revisions' changes does not give the state its last revision records." },
    ROW_VERSION: {
      description:
        "Its row's version is not the number of its revisions: revisions are missing from the end, or the row was bumped without one.",
    },
    ROW_STATE: {
      description: 'Its row (with its link rows) differs from the state its last revision records: it was written without a revision.',
    },
    NO_REVISIONS: { description: 'Its row has no revision at all.' },
    NO_ROW: { description: 'It has revisions but no row: the row was removed outright.' },
  },
});

export interface LogProblem {
  kind: LogProblemKind;
  recordType: RecordType;
  recordId: string;
  /** The first revision found wrong, or for a row that disagrees with its revisions, the row's version. */
  version: number;
  problem: string;
}

export interface LogAudit {
  records: number;
  revisions: number;
  /** The first `limit` problems in the order records were checked (by type, then id). */
  problems: LogProblem[];
  /** Whether the check stopped at `limit` problems, so there may be more. */
  truncated: boolean;
}

const BATCH = 5000;

interface Checked {
  recordType: RecordType;
  recordId: string;
  version: number;
  state: RecordState;
}

/**
 * Checks the log against itself and against the rows it describes, in one walk of the revisions in record order:
 * each record's chain, the replay of its changes against its last state, and its row's version and state against
 * its last revision; then the rows that have no revision at all. What the walk cannot see (a revision rewritten
 * with its hash recomputed, at the end of a chain and with the row to match) is what signed checkpoints are for.
 */
export async function auditLog(
  dataSource: DataSource,
  filter: { recordType?: RecordType; recordId?: string } = {},
  limit = 100,
  onProgress?: (audit: LogAudit) => Promise<void>,
): Promise<LogAudit> {
  const audit: LogAudit = { records: 0, revisions: 0, problems: [], truncated: false };
  const recordId = filter.recordId === undefined ? undefined : requireId(filter.recordId, 'recordId');
  const report = (problem: LogProblem) => {
    if (audit.problems.length < limit) audit.problems.push(problem);
    else audit.truncated = true;
  };
  const full = () => audit.problems.length >= limit;

  let after: [string, string, number] = ['', '00000000-0000-0000-0000-000000000000', 0];
  let current: Revision[] = [];
  let finished: Checked[] = [];
  const finish = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current.at(-1)!;
    audit.records++;
    const broken = verifyRecordChain(current);
    if (broken) report({ kind: LogProblemKind.CHAIN, recordType: first.recordType, recordId: first.recordId, ...broken });
    else if (!sameJson(replayChanges(current.map((revision) => revision.changes)), last.state)) {
      report({
        kind: LogProblemKind.REPLAY,
        recordType: first.recordType,
        recordId: first.recordId,
        version: last.version,
        problem: 'replaying its changes does not give its last state',
      });
    }
    finished.push({ recordType: first.recordType, recordId: first.recordId, version: last.version, state: last.state });
    current = [];
  };
  while (true) {
    if (full()) {
      audit.truncated = true;
      break;
    }
    const query = dataSource.manager
      .createQueryBuilder(Revision, 'r')
      .where('(r.record_type, r.record_id, r.version) > (:type, :id, :version)', { type: after[0], id: after[1], version: after[2] })
      .orderBy('r.record_type')
      .addOrderBy('r.record_id')
      .addOrderBy('r.version')
      .take(BATCH);
    if (filter.recordType) query.andWhere('r.record_type = :recordType', { recordType: filter.recordType });
    if (recordId) query.andWhere('r.record_id = :recordId', { recordId });
    const batch = await query.getMany();
    for (const revision of batch) {
      const last = current.at(-1);
      if (last && (last.recordId !== revision.recordId || last.recordType !== revision.recordType)) finish();
      current.push(revision);
      audit.revisions++;
    }
    if (batch.length < BATCH) finish();
    await compareRows(dataSource.manager, finished, report);
    finished = [];
    await onProgress?.(audit);
    if (batch.length < BATCH) break;
    const last = batch.at(-1)!;
    after = [last.recordType, last.recordId, last.version];
  }
  if (!audit.truncated) await findRowsWithoutRevisions(dataSource, filter.recordType, recordId, limit - audit.problems.length, report);
  return audit;
}

/** Each record's row against its last revision: its version, then its whole state. */
async function compareRows(manager: EntityManager, records: Checked[], report: (problem: LogProblem) => void): Promise<void> {
  const byType = new Map<RecordType, Checked[]>();
  for (const record of records) byType.set(record.recordType, [...(byType.get(record.recordType) ?? []), record]);
  for (const [recordType, checked] of byType) {
    const kind = recordKind(recordType);
    const ids = checked.map((record) => record.recordId);
    const versions = new Map(
      (
        (await manager.query(`SELECT id, version FROM "${kind.table}" WHERE id = ANY($1::uuid[])`, [ids])) as Array<{
          id: string;
          version: number;
        }>
      ).map((row) => [row.id, row.version]),
    );
    const states = await loadStates(
      manager,
      recordType,
      ids.filter((id) => versions.has(id)),
    );
    for (const record of checked) {
      const located = { recordType, recordId: record.recordId };
      const version = versions.get(record.recordId);
      if (version === undefined) {
        report({ ...located, kind: LogProblemKind.NO_ROW, version: record.version, problem: 'it has revisions but no row' });
      } else if (version !== record.version) {
        report({
          ...located,
          kind: LogProblemKind.ROW_VERSION,
          version,
          problem: `its row is at version ${version} but its last revision is version ${record.version}`,
        });
      } else {
        const row = states.get(record.recordId) ?? {};
        // A field missing on one side and null on the other is no difference: older revisions predate some fields.
        const fields = sameJson(row, record.state) ? [] : differingFields(row, record.state);
        if (fields.length > 0)
          report({
            ...located,
            kind: LogProblemKind.ROW_STATE,
            version,
            problem: `its row differs from its last revision in ${fields.join(', ')}`,
          });
      }
    }
  }
}

/** The current states of many records of one kind, in one statement: its state query joined laterally to the ids. */
async function loadStates(manager: EntityManager, recordType: RecordType, ids: string[]): Promise<Map<string, RecordState>> {
  const states = new Map<string, RecordState>();
  if (ids.length === 0) return states;
  const stateQuery = recordKind(recordType).stateQuery(manager);
  // The state query takes the record's id as $1, which is all it takes.
  const rows = (await manager.query(
    `SELECT ids.id::text AS "auditedId", state.* FROM unnest($1::uuid[]) AS ids(id), LATERAL (${stateQuery.sql.replace(/\$1(?!\d)/g, 'ids.id')}) AS state`,
    [ids],
  )) as Array<Record<string, unknown>>;
  for (const row of rows) states.set(row.auditedId as string, stateQuery.read(row));
  return states;
}

function differingFields(row: RecordState, logged: RecordState): string[] {
  const fields = new Set([...Object.keys(row), ...Object.keys(logged)]);
  return [...fields].sort().filter((field) => !sameJson(row[field] ?? null, logged[field] ?? null));
}

/** Rows no revision describes: written straight into the table, or whose revisions were all removed. */
async function findRowsWithoutRevisions(
  dataSource: DataSource,
  recordType: RecordType | undefined,
  recordId: string | undefined,
  limit: number,
  report: (problem: LogProblem) => void,
): Promise<void> {
  for (const type of Object.values(RecordType).sort()) {
    if (recordType && type !== recordType) continue;
    const { table } = RECORDS[type];
    const rows = (await dataSource.query(
      `SELECT t.id, t.version FROM "${table}" t
        WHERE ($2::uuid IS NULL OR t.id = $2) AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.record_type = $1 AND r.record_id = t.id)
        ORDER BY t.id LIMIT $3`,
      [type, recordId ?? null, limit + 1],
    )) as Array<{ id: string; version: number }>;
    for (const row of rows)
      report({
        kind: LogProblemKind.NO_REVISIONS,
        recordType: type,
        recordId: row.id,
        version: row.version,
        problem: 'its row has no revision',
      });
  }
}
