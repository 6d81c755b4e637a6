import type { EntityManager } from 'typeorm';
import type { RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from './claim.entity.js';

export interface ClaimState extends Record<string, unknown> {
  text: string;
  claimantId: string | null;
  claimantLabel: string | null;
  attribution: string;
  modality: string;
  credibility: number | null;
  rank: string;
  status: string;
  eventIds: string[];
  entityIds: string[];
  links: Array<{ type: string; toClaimId: string }>;
  deletedAt: string | null;
  deleteReason: string | null;
}

export const ClaimRecord: RecordKind<ClaimState> = {
  recordType: RecordType.CLAIM,
  table: 'claims',
  async loadState(manager: EntityManager, id: string) {
    const claim = await manager.findOneBy(Claim, { id });
    if (!claim) return null;
    // One after another: inside a transaction they share one connection.
    const events = await manager.find(ClaimEvent, { where: { claimId: id }, order: { eventId: 'ASC' } });
    const entities = await manager.find(ClaimEntity, { where: { claimId: id }, order: { entityId: 'ASC' } });
    const links = await manager.find(ClaimLink, { where: { fromClaimId: id }, order: { toClaimId: 'ASC', type: 'ASC' } });
    return {
      text: claim.text,
      claimantId: claim.claimantId,
      claimantLabel: claim.claimantLabel,
      attribution: claim.attribution,
      modality: claim.modality,
      credibility: claim.credibility,
      rank: claim.rank,
      status: claim.status,
      eventIds: events.map((row) => row.eventId),
      entityIds: entities.map((row) => row.entityId),
      links: links.map((row) => ({ type: row.type, toClaimId: row.toClaimId })),
      deletedAt: claim.deletedAt?.toISOString() ?? null,
      deleteReason: claim.deleteReason,
    };
  },
};
