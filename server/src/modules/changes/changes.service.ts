import type { DataSource } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { BadInputError } from '../../core/errors.js';
import { pageSize } from '../../core/paging/connection.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { canSeeState, FEED_RECORD_TYPES, feedCarries } from '../../core/visibility/visibility.js';
import { onPrimary } from '../../db/read-replicas.js';
import { type Change, ChangeKind, type ChangePage } from './changes.types.js';

/** Rows of the log read per statement while looking for the caller's changes. */
const SCAN_BATCH = 500;
/** A read gives up after this many rows of others' changes, answering its position so the client reads on. */
const MAX_SCANNED = 5000;

interface Position {
  xactId: string;
  id: string;
}

const START: Position = { xactId: '0', id: '0' };
const DIGITS = /^[0-9]{1,20}$/;

const encodeCursor = (position: Position): string => Buffer.from(`${position.xactId}.${position.id}`).toString('base64url');

function decodeCursor(cursor: string | null | undefined): Position {
  if (!cursor) return START;
  const [xactId, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  if (rest.length === 0 && xactId && id && DIGITS.test(xactId) && DIGITS.test(id)) return { xactId, id };
  throw new BadInputError([{ field: 'after', message: 'is not a cursor of the change feed' }]);
}

interface LogRow {
  id: string;
  xactId: string;
  recordType: RecordType;
  recordId: string;
  version: number;
  createdAt: Date;
  after: Record<string, unknown>;
  before: Record<string, unknown> | null;
}

/**
 * The log in the order its writes became readable: by writing transaction, and only the transactions older than
 * every one still running, so no write can later turn up behind a cursor already handed out. Each row carries
 * what deciding visibility reads of its state and of the state before it.
 */
const READ_LOG = `
  SELECT r.id, r.xact_id AS "xactId", r.record_type AS "recordType", r.record_id AS "recordId", r.version, r.created_at AS "createdAt",
         jsonb_build_object('status', r.state->'status', 'deletedAt', r.state->'deletedAt') AS after,
         (SELECT jsonb_build_object('status', p.state->'status', 'deletedAt', p.state->'deletedAt')
            FROM revisions p WHERE p.record_type = r.record_type AND p.record_id = r.record_id AND p.version = r.version - 1) AS before
    FROM revisions r
   WHERE (r.xact_id, r.id) > ($1::bigint, $2::bigint)
     AND r.xact_id < feed_horizon()
     AND r.record_type = ANY($3::varchar[])
   ORDER BY r.xact_id, r.id
   LIMIT $4`;

/** Writes committed, or under way, that the feed does not answer yet because an older transaction still runs. */
const HELD_BACK = `SELECT EXISTS (SELECT 1 FROM revisions WHERE xact_id >= feed_horizon()) AS held`;

/** What one write did for a viewer: null when they could see the record neither before nor after it. */
function changeSeenBy(viewer: Viewer, row: LogRow): Omit<Change, 'cursor'> | null {
  const before = canSeeState(viewer, row.recordType, row.before);
  const after = canSeeState(viewer, row.recordType, row.after);
  if (!before && !after) return null;
  const kind = before && after ? ChangeKind.CHANGED : after ? ChangeKind.APPEARED : ChangeKind.DISAPPEARED;
  return { kind, recordType: row.recordType, recordId: row.recordId, version: row.version, at: row.createdAt };
}

export interface ChangeRequest {
  after?: string | null;
  first?: number | null;
  recordTypes?: RecordType[] | null;
}

export interface ChangeRead extends ChangePage {
  /** The read reached the end of what is readable, and writes beyond it wait for an older transaction. */
  heldBack: boolean;
}

export class ChangesService {
  constructor(private readonly dataSource: DataSource) {}

  private recordTypes(viewer: Viewer, asked: RecordType[] | null | undefined): RecordType[] {
    const unknown = (asked ?? []).filter((type) => !FEED_RECORD_TYPES.includes(type));
    if (unknown.length) throw new BadInputError([{ field: 'recordTypes', message: `the feed does not carry ${unknown.join(', ')}` }]);
    const types = asked?.length ? [...new Set(asked)] : [...FEED_RECORD_TYPES];
    return types.filter((type) => feedCarries(viewer, type));
  }

  /** Refuses a cursor or a kind the feed does not know, as `read` would, without reading. */
  check(viewer: Viewer, request: ChangeRequest): void {
    decodeCursor(request.after);
    this.recordTypes(viewer, request.recordTypes);
  }

  /** The changes the viewer sees after `after`, in log order; never a record or a state the viewer may not read. */
  read(viewer: Viewer, request: ChangeRequest): Promise<ChangePage> {
    return this.scan(viewer, request, false);
  }

  /** As `read`, saying also whether writes wait behind a running transaction: a live reader then looks again soon. */
  readLive(viewer: Viewer, request: ChangeRequest): Promise<ChangeRead> {
    return this.scan(viewer, request, true);
  }

  /**
   * On the primary, whoever asks: the feed answers only what no running transaction can still write behind, which
   * only the primary knows as it is, and a cursor read from a lagging standby would pass writes it had yet to replay.
   */
  private scan(viewer: Viewer, request: ChangeRequest, live: boolean): Promise<ChangeRead> {
    return onPrimary(() => this.scanLog(viewer, request, live));
  }

  private async scanLog(viewer: Viewer, request: ChangeRequest, live: boolean): Promise<ChangeRead> {
    const size = pageSize(request.first);
    const types = this.recordTypes(viewer, request.recordTypes);
    let position = decodeCursor(request.after);
    const changes: Change[] = [];
    let scanned = 0;
    for (;;) {
      const rows = (await this.dataSource.query(READ_LOG, [position.xactId, position.id, types, SCAN_BATCH])) as LogRow[];
      for (const row of rows) {
        if (changes.length === size) return { changes, cursor: encodeCursor(position), hasMore: true, heldBack: false };
        position = { xactId: String(row.xactId), id: String(row.id) };
        scanned += 1;
        const change = changeSeenBy(viewer, row);
        if (change) changes.push({ ...change, cursor: encodeCursor(position) });
      }
      if (rows.length < SCAN_BATCH) {
        const heldBack = live && ((await this.dataSource.query(HELD_BACK)) as Array<{ held: boolean }>)[0]!.held;
        return { changes, cursor: encodeCursor(position), hasMore: false, heldBack };
      }
      if (scanned >= MAX_SCANNED) return { changes, cursor: encodeCursor(position), hasMore: true, heldBack: false };
    }
  }
}
