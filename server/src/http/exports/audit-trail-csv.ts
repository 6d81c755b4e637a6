import type { Viewer } from '../../core/access/viewer.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import type { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck } from '../../core/validation.js';
import { seesDeliberation } from '../../core/visibility/visibility.js';
import type { AuditFilter, HistoryService } from '../../modules/history/history.service.js';
import { csvLine } from './claims-csv.js';
import type { Agents } from './iris.js';
import type { ExportOutput } from './stream.js';

const RECORD_TYPE_NAMES = Object.fromEntries(Object.keys(RecordType).map((name) => [name, name])) as {
  [K in keyof typeof RecordType]: K;
};
const PARAMETERS = ['actor', 'since', 'until', 'recordType', 'operation'];
const BATCH = 1000;
const COLUMNS = [
  'log_id',
  'created_at',
  'actor',
  'actor_name',
  'record_type',
  'record_id',
  'version',
  'operation',
  'reason',
  'hash',
  'prev_hash',
];

/** `auditTrail`'s filters from a query string, checked whole as the other exports' are. */
export function parseAuditFilter(query: Record<string, unknown>): AuditFilter {
  const check = new InputCheck();
  for (const name of Object.keys(query))
    if (!PARAMETERS.includes(name)) check.fail(name, `is not a filter; the filters are ${PARAMETERS.join(', ')}`);
  const single = (name: string): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    if (typeof value === 'string') return value;
    check.fail(name, 'give it once');
    return null;
  };
  const moment = (name: string): Date | null => {
    const text = single(name)?.replace(' ', '+') ?? null;
    if (text === null) return null;
    const date = new Date(text);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) check.fail(name, 'must be an ISO 8601 date or date-time');
    return date;
  };
  const recordType = single('recordType');
  const operation = single('operation');
  const filter = {
    actor: single('actor'),
    since: moment('since'),
    until: moment('until'),
    // As the API names them (CLAIM, EVENT, ...), so a console's filter carries over to its export.
    recordType: recordType === null ? null : RecordType[check.oneOf('recordType', recordType, RECORD_TYPE_NAMES)],
    operation: operation === null ? null : check.oneOf('operation', operation, RevisionOperation),
  };
  check.done();
  return filter;
}

/** The revision log, with edit summaries and names, is for staff only. */
export function requireStaff(viewer: Viewer): void {
  if (!seesDeliberation(viewer))
    throw new DomainError(
      viewer.userId || viewer.apiKeyId ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED,
      'The audit trail is for staff',
    );
}

/**
 * `/exports/audit-trail.csv`: every revision `auditTrail` would page through with the same filters, newest first,
 * in batches by log position. Staff only, like the log itself; edit summaries and people's names included.
 */
export async function writeAuditTrail(
  out: ExportOutput,
  { viewer, history, agents, filter }: { viewer: Viewer; history: HistoryService; agents: Agents; filter: AuditFilter },
): Promise<void> {
  const query = history.auditQuery(viewer, filter).orderBy('revision.id', 'DESC').limit(BATCH);
  await out.write(csvLine(COLUMNS));
  let before: string | null = null;
  while (!out.gone) {
    const page = query.clone();
    if (before) page.andWhere('revision.id < :before', { before });
    const revisions: Revision[] = await page.getMany();
    const names = await agents.describe(revisions.map((revision) => revision.actor));
    await out.write(
      revisions
        .map((revision) =>
          csvLine([
            revision.id,
            revision.createdAt,
            revision.actor,
            names.get(revision.actor)?.name ?? null,
            revision.recordType,
            revision.recordId,
            revision.version,
            revision.operation,
            revision.reason,
            revision.hash,
            revision.prevHash,
          ]),
        )
        .join(''),
    );
    if (revisions.length < BATCH) return;
    before = revisions.at(-1)!.id;
  }
}
