import type { EntityManager } from 'typeorm';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { ProposalState } from '../review/proposal.js';
import type { ReviewStatus } from '../review/review.enums.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from './claim.entity.js';
import type { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';

export interface ClaimFields {
  text: string;
  claimantId: string | null;
  claimantLabel: string | null;
  attribution: Attribution;
  modality: ClaimModality;
  credibility: number | null;
  rank: ClaimRank;
  status: ReviewStatus;
  proposal: ProposalState | null;
}

export interface ClaimLinkState {
  type: ClaimLinkType;
  toClaimId: string;
}

export interface ClaimState extends ClaimFields, DeletableState {
  eventIds: string[];
  entityIds: string[];
  links: ClaimLinkState[];
}

const fieldsOf = (row: ClaimFields): ClaimFields => ({
  text: row.text,
  claimantId: row.claimantId,
  claimantLabel: row.claimantLabel,
  attribution: row.attribution,
  modality: row.modality,
  credibility: row.credibility,
  rank: row.rank,
  status: row.status,
  // Revisions written before proposals existed have no such field.
  proposal: row.proposal ?? null,
});

export const ClaimRecord: RecordKind<ClaimState, Claim> = {
  recordType: RecordType.CLAIM,
  table: 'claims',
  async loadState(manager: EntityManager, id: string) {
    const claim = await manager.findOneBy(Claim, { id });
    if (!claim) return null;
    // One after another: inside a transaction they share one connection.
    const events = await manager.find(ClaimEvent, { where: { claimId: id } });
    const entities = await manager.find(ClaimEntity, { where: { claimId: id } });
    const links = await manager.find(ClaimLink, { where: { fromClaimId: id } });
    return {
      ...fieldsOf(claim),
      eventIds: events.map((row) => row.eventId).sort(),
      entityIds: entities.map((row) => row.entityId).sort(),
      links: links
        .map((row) => ({ type: row.type, toClaimId: row.toClaimId }))
        .sort((a, b) => a.toClaimId.localeCompare(b.toClaimId) || a.type.localeCompare(b.type)),
      ...deletionState(claim),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(Claim, { id }, { ...fieldsOf(state), ...deletionColumns(state) });
    await manager.delete(ClaimEvent, { claimId: id });
    await manager.delete(ClaimEntity, { claimId: id });
    await manager.delete(ClaimLink, { fromClaimId: id });
    if (state.eventIds.length > 0) await manager.insert(ClaimEvent, state.eventIds.map((eventId) => ({ claimId: id, eventId })));
    if (state.entityIds.length > 0) await manager.insert(ClaimEntity, state.entityIds.map((entityId) => ({ claimId: id, entityId })));
    if (state.links.length > 0) await manager.insert(ClaimLink, state.links.map((link) => ({ fromClaimId: id, ...link })));
  },
  hydrate(meta, state) {
    return Object.assign(new Claim(), fieldsOf(state), recordColumns(meta, state));
  },
};
