import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

import { seesUnreviewed, type Viewer } from '../access/viewer.js';
import type { ReviewStatus } from '../review/status.js';
import type { RecordState } from '../revisions/diff.js';
import type { RecordKind } from '../revisions/record-writer.js';
import { requireId } from '../validation.js';
import { canSee, type LookupOptions } from '../visibility/visibility.js';

/**
 * A record as it stood at `asOf`, rebuilt from the revision log (invariant 8); null if it did not exist yet.
 * The rebuilt record carries `asOfState`, so its own relation lists come from that moment too.
 */
export async function recordAt<T extends ObjectLiteral>(
  dataSource: DataSource,
  kind: RecordKind<RecordState, unknown>,
  recordId: string,
  asOf: Date,
): Promise<T | null> {
  const rows = (await dataSource.query(
    `SELECT version, state, created_at, (SELECT created_at FROM revisions WHERE record_type = $1 AND record_id = $2 AND version = 1) AS first_at
       FROM revisions WHERE record_type = $1 AND record_id = $2 AND created_at <= $3 ORDER BY version DESC LIMIT 1`,
    [kind.recordType, requireId(recordId), asOf],
  )) as Array<{ version: number; state: RecordState; created_at: Date; first_at: Date }>;
  const row = rows[0];
  if (!row) return null;
  const record = kind.hydrate({ id: recordId, version: row.version, createdAt: row.first_at, updatedAt: row.created_at }, row.state);
  return Object.assign(record as object, { asOfState: row.state }) as unknown as T;
}

/** The record now, or as it stood at `asOf`. */
function findRecord<T extends ObjectLiteral>(
  dataSource: DataSource,
  kind: RecordKind<RecordState, unknown>,
  entity: EntityTarget<T>,
  id: string,
  asOf?: Date | null,
): Promise<T | null> {
  const key = requireId(id);
  return asOf ? recordAt<T>(dataSource, kind, key, asOf) : dataSource.manager.findOneBy(entity, { id: key } as never);
}

/**
 * A record as a viewer may see it, now or at `asOf`. A past state is shown to client apps and anonymous callers
 * only if the record is visible now too: a deletion or a rejection since then stands.
 */
export async function findVisibleRecord<T extends ObjectLiteral & { deletedAt: Date | null; status?: ReviewStatus }>(
  dataSource: DataSource,
  viewer: Viewer,
  kind: RecordKind<RecordState, unknown>,
  entity: EntityTarget<T>,
  id: string,
  options: LookupOptions = {},
): Promise<T | null> {
  const record = await findRecord(dataSource, kind, entity, id, options.asOf);
  if (!canSee(viewer, record, options)) return null;
  if (options.asOf && !seesUnreviewed(viewer) && !canSee(viewer, await findRecord(dataSource, kind, entity, id))) return null;
  return record;
}

/** The state a record was rebuilt from by `recordAt`, or undefined for a record read as it is now. */
export function historicalState<S>(record: object): S | undefined {
  return (record as { asOfState?: S }).asOfState;
}
