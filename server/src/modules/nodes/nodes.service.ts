import { type DataSource, In } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import { seesUnreviewed, type Viewer } from '../../core/access/viewer.js';
import { BadInputError } from '../../core/errors.js';
import type { VersionedRecord } from '../../core/record.js';
import type { ReviewStatus } from '../../core/review/status.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { requireId } from '../../core/validation.js';
import { canSee } from '../../core/visibility/visibility.js';
import { Claim } from '../claims/claim.entity.js';
import { Event } from '../events/event.entity.js';
import type { Evidence } from '../evidence/evidence.entity.js';
import { RECORDS } from '../records.js';

/** As many ids as a page holds records. */
export const MAX_NODES = 100;

/** Which table holds each id: one statement over every kind, since ids are UUIDs unique across all of them. */
const KIND_OF = `SELECT id, kind FROM (${Object.values(RECORDS)
  .map((kind) => `SELECT id, '${kind.recordType}' AS kind FROM "${kind.table}"`)
  .join(' UNION ALL ')}) AS records WHERE id = ANY($1::uuid[])`;

export class NodesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The records with these ids, each as the viewer may read it by its own root field, in the order asked; null for
   * an id no record has, or one the viewer may not see.
   */
  async find(viewer: Viewer, ids: readonly string[]): Promise<Array<VersionedRecord | null>> {
    if (ids.length > MAX_NODES) throw new BadInputError([{ field: 'ids', message: `at most ${MAX_NODES}` }]);
    const wanted = [...new Set(ids.map((id) => requireId(id, 'ids')))];
    if (wanted.length === 0) return [];
    const kinds = (await this.dataSource.query(KIND_OF, [wanted])) as Array<{ id: string; kind: RecordType }>;
    const byKind = new Map<RecordType, string[]>();
    for (const { id, kind } of kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    const found = new Map<string, VersionedRecord>();
    for (const [kind, group] of byKind) {
      const records = (await this.dataSource.manager.findBy(RECORDS[kind].entity, { id: In(group) })) as VersionedRecord[];
      for (const record of records) if (await this.sees(viewer, kind, record)) found.set(record.id, record);
    }
    return ids.map((id) => found.get(id.toLowerCase()) ?? null);
  }

  /** The rules of each kind's own root fields and lists, so that refetching by id shows nothing they would not. */
  private async sees(viewer: Viewer, kind: RecordType, record: VersionedRecord): Promise<boolean> {
    const admin = viewer.roles.includes(Role.ADMIN);
    switch (kind) {
      case RecordType.USER:
        return (admin || record.id === viewer.userId) && record.deletedAt === null;
      case RecordType.API_KEY:
        return admin && record.deletedAt === null;
      case RecordType.ANNOTATION:
        return seesUnreviewed(viewer) && record.deletedAt === null;
      case RecordType.EVIDENCE: {
        if (record.deletedAt !== null) return false;
        if (seesUnreviewed(viewer)) return true;
        // Client apps read evidence through the claim or event it supports: only while they may read that.
        const evidence = record as unknown as Evidence;
        const owner = evidence.claimId
          ? await this.dataSource.manager.findOneBy(Claim, { id: evidence.claimId })
          : evidence.eventId
            ? await this.dataSource.manager.findOneBy(Event, { id: evidence.eventId })
            : null;
        return canSee(viewer, owner);
      }
      default:
        return canSee(viewer, record as VersionedRecord & { status?: ReviewStatus });
    }
  }
}
