import type { EntityManager } from 'typeorm';
import type { RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Evidence } from './evidence.entity.js';

export interface EvidenceState extends Record<string, unknown> {
  claimId: string | null;
  eventId: string | null;
  sourceRevisionId: string;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  anchorStatus: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

export const EvidenceRecord: RecordKind<EvidenceState> = {
  recordType: RecordType.EVIDENCE,
  table: 'evidence',
  async loadState(manager: EntityManager, id: string) {
    const evidence = await manager.findOneBy(Evidence, { id });
    if (!evidence) return null;
    return {
      claimId: evidence.claimId,
      eventId: evidence.eventId,
      sourceRevisionId: evidence.sourceRevisionId,
      selector: { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos },
      anchorStatus: evidence.anchorStatus,
      deletedAt: evidence.deletedAt?.toISOString() ?? null,
      deleteReason: evidence.deleteReason,
    };
  },
};
