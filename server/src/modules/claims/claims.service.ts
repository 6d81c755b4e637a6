import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type PageRequest } from '../../core/paging/connection.js';
import { requireReferences } from '../../core/references.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { ReviewStatus } from '../review/review.enums.js';
import { canSee, visibleOnly } from '../review/visibility.js';
import type { Viewer } from '../users/viewer.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from './claim.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';
import { ClaimRecord, type ClaimState } from './claims.state.js';

export interface CreateClaimInput {
  id?: string;
  text: string;
  claimantId?: string | null;
  claimantLabel?: string | null;
  attribution: Attribution;
  modality: ClaimModality;
  credibility?: number | null;
  rank?: ClaimRank | null;
  eventIds?: string[];
  entityIds?: string[];
  links?: Array<{ type: ClaimLinkType; toClaimId: string }>;
  reason?: string | null;
}

export class ClaimsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(viewer: Viewer, id: string): Promise<Claim | null> {
    const claim = await this.dataSource.manager.findOneBy(Claim, { id: requireId(id) });
    return canSee(viewer, claim, { byId: true }) ? claim : null;
  }

  list(viewer: Viewer, page: PageRequest): Promise<Connection<Claim>> {
    return paginate(visibleOnly(viewer, this.dataSource.getRepository(Claim).createQueryBuilder('claim')), page);
  }

  /** Creates a claim with what it is about and its links, as a DRAFT for review. */
  async create(context: WriteContext, input: CreateClaimInput, manager: EntityManager = this.dataSource.manager): Promise<Written<ClaimState>> {
    const check = new InputCheck();
    const claimantId = input.claimantId ? check.id('claimantId', input.claimantId) : null;
    const claimantLabel = check.optionalText('claimantLabel', input.claimantLabel, { max: 300 });
    if ((claimantId === null) === (claimantLabel === null)) {
      check.fail('claimantId', 'give either a claimant entity or a label for an unnamed claimant, not both');
    }
    const eventIds = [...new Set((input.eventIds ?? []).map((id, i) => check.id(`eventIds[${i}]`, id)))];
    const entityIds = [...new Set((input.entityIds ?? []).map((id, i) => check.id(`entityIds[${i}]`, id)))];
    const row = {
      id: input.id ?? newId(),
      text: check.text('text', input.text, { max: 10000 }),
      claimantId,
      claimantLabel,
      attribution: check.oneOf('attribution', input.attribution, Attribution),
      modality: check.oneOf('modality', input.modality, ClaimModality),
      credibility: input.credibility == null ? null : check.integer('credibility', input.credibility, 1, 6),
      rank: input.rank ? check.oneOf('rank', input.rank, ClaimRank) : ClaimRank.NORMAL,
      status: ReviewStatus.DRAFT,
    };
    const links = (input.links ?? []).map((link, i) => ({
      type: check.oneOf(`links[${i}].type`, link.type, ClaimLinkType),
      toClaimId: check.id(`links[${i}].toClaimId`, link.toClaimId),
    }));
    links.forEach((link, i) => {
      if (link.toClaimId === row.id) check.fail(`links[${i}].toClaimId`, 'a claim cannot link to itself');
    });
    check.done();

    const now = new Date();
    return new RecordWriter(manager).create(context, ClaimRecord, row.id, input.reason ?? null, async (tx) => {
      await requireReferences(tx, [
        { field: 'claimantId', table: 'entities', id: claimantId },
        ...eventIds.map((id, i) => ({ field: `eventIds[${i}]`, table: 'events', id })),
        ...entityIds.map((id, i) => ({ field: `entityIds[${i}]`, table: 'entities', id })),
        ...links.map((link, i) => ({ field: `links[${i}].toClaimId`, table: 'claims', id: link.toClaimId })),
      ]);
      await tx.insert(Claim, { ...row, createdAt: now, updatedAt: now });
      if (eventIds.length > 0) await tx.insert(ClaimEvent, eventIds.map((eventId) => ({ claimId: row.id, eventId })));
      if (entityIds.length > 0) await tx.insert(ClaimEntity, entityIds.map((entityId) => ({ claimId: row.id, entityId })));
      if (links.length > 0) await tx.insert(ClaimLink, links.map((link) => ({ fromClaimId: row.id, ...link })));
    });
  }
}
