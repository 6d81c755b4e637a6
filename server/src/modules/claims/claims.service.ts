import type { PageReading } from '../../core/sql/preload.js';
import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type ListArgs } from '../../core/paging/connection.js';
import { FilterBuilder } from '../../core/filters.js';
import { applyPatch } from '../../core/patch.js';
import { requireReferences } from '../../core/references.js';
import { RecordLifecycle } from '../../core/revisions/lifecycle.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import type { ProposalState } from '../../core/proposals/proposal-state.js';
import { ReviewStatus } from '../../core/review/status.js';
import { statusAfterEdit } from '../../core/review/workflow.js';
import { findVisibleRecord } from '../../core/time-travel/time-travel.js';
import { visibleOnly, type LookupOptions } from '../../core/visibility/visibility.js';
import type { Viewer } from '../../core/access/viewer.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from './claim.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';
import { ClaimRecord, type ClaimFields, type ClaimLinkState, type ClaimState } from './claims.state.js';
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from './claims.types.js';

/** What an editor sets on a claim; status is the review workflow's. */
type ClaimInputFields = Omit<ClaimFields, 'status' | 'proposal'> & { eventIds: string[]; entityIds: string[]; links: ClaimLinkState[] };

const EMPTY: ClaimInputFields = {
  text: '',
  claimantId: null,
  claimantLabel: null,
  attribution: Attribution.AUTHOR_ASSERTION,
  modality: ClaimModality.ASSERTED,
  credibility: null,
  rank: ClaimRank.NORMAL,
  eventIds: [],
  entityIds: [],
  links: [],
};

async function checkFields(manager: EntityManager, id: string, fields: ClaimInputFields): Promise<ClaimInputFields> {
  const check = new InputCheck();
  const claimantId = fields.claimantId ? check.id('claimantId', fields.claimantId) : null;
  const claimantLabel = check.optionalText('claimantLabel', fields.claimantLabel, { max: 300 });
  if ((claimantId === null) === (claimantLabel === null)) {
    check.fail('claimantId', 'give either a claimant entity or a label for an unnamed claimant, not both');
  }
  const eventIds = [...new Set(fields.eventIds.map((eventId, i) => check.id(`eventIds[${i}]`, eventId)))].sort();
  const entityIds = [...new Set(fields.entityIds.map((entityId, i) => check.id(`entityIds[${i}]`, entityId)))].sort();
  const links: ClaimLinkState[] = [];
  fields.links.forEach((link, i) => {
    const normalised = { type: check.oneOf(`links[${i}].type`, link.type, ClaimLinkType), toClaimId: check.id(`links[${i}].toClaimId`, link.toClaimId) };
    if (normalised.toClaimId === id) check.fail(`links[${i}].toClaimId`, 'a claim cannot link to itself');
    if (!links.some((l) => l.type === normalised.type && l.toClaimId === normalised.toClaimId)) links.push(normalised);
  });
  links.sort((a, b) => a.toClaimId.localeCompare(b.toClaimId) || a.type.localeCompare(b.type));
  const normalised: ClaimInputFields = {
    text: check.text('text', fields.text, { max: 10000 }),
    claimantId,
    claimantLabel,
    attribution: check.oneOf('attribution', fields.attribution, Attribution),
    modality: check.oneOf('modality', fields.modality, ClaimModality),
    credibility: fields.credibility == null ? null : check.integer('credibility', fields.credibility, 1, 6),
    rank: check.oneOf('rank', fields.rank ?? ClaimRank.NORMAL, ClaimRank),
    eventIds,
    entityIds,
    links,
  };
  check.done();
  await requireReferences(manager, [
    { field: 'claimantId', table: 'entities', id: claimantId },
    ...eventIds.map((eventId, i) => ({ field: `eventIds[${i}]`, table: 'events', id: eventId })),
    ...entityIds.map((entityId, i) => ({ field: `entityIds[${i}]`, table: 'entities', id: entityId })),
    ...links.map((link, i) => ({ field: `links[${i}].toClaimId`, table: 'claims', id: link.toClaimId })),
  ]);
  return normalised;
}

export class ClaimsService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<ClaimState, Claim>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {
    this.lifecycle = new RecordLifecycle(dataSource, ClaimRecord, Claim);
  }

  /** The record now or, with `asOf`, as it stood then; null when the viewer may not see it. */
  get(viewer: Viewer, id: string, options: LookupOptions = {}): Promise<Claim | null> {
    return findVisibleRecord(this.dataSource, viewer, ClaimRecord, Claim, id, options);
  }

  /** A page of the list, whole records unless `reading` says which columns and what they lead to. */
  list(viewer: Viewer, args: ListArgs, filter: ClaimFilter = {}, reading?: PageReading<Claim>): Promise<Connection<Claim>> {
    const query = new FilterBuilder(this.dataSource.getRepository(Claim).createQueryBuilder('claim'))
      .oneOf('status', filter.status)
      .oneOf('proposal', filter.proposal)
      .oneOf('attribution', filter.attribution)
      .oneOf('modality', filter.modality)
      .oneOf('rank', filter.rank)
      .id('filter.claimantId', filter.claimantId, '$.claimant_id = :value')
      .id('filter.entityId', filter.entityId, 'EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = $.id AND ce.entity_id = :value)')
      .id('filter.eventId', filter.eventId, 'EXISTS (SELECT 1 FROM claim_events ce WHERE ce.claim_id = $.id AND ce.event_id = :value)')
      .id(
        'filter.sourceId',
        filter.sourceId,
        'EXISTS (SELECT 1 FROM evidence ev JOIN source_revisions sr ON sr.id = ev.source_revision_id WHERE ev.claim_id = $.id AND ev.deleted_at IS NULL AND sr.source_id = :value)',
      )
      .done();
    return paginate(visibleOnly(viewer, query, { reviewed: true, includeDeleted: args.includeDeleted }), args, reading);
  }

  /** Creates a claim with what it is about and its links, as a DRAFT for review. */
  async create(context: WriteContext, input: CreateClaimInput & { id?: string; proposal?: ProposalState }, manager: EntityManager = this.dataSource.manager): Promise<Written<ClaimState>> {
    const id = input.id ?? newId();
    const now = new Date();
    return manager.transaction(async (outer) => {
      const written = await new RecordWriter(outer).create(context, ClaimRecord, id, input.reason ?? null, async (tx) => {
        const { eventIds, entityIds, links, ...fields } = await checkFields(tx, id, applyPatch(EMPTY, input));
        await tx.insert(Claim, { id, ...fields, status: ReviewStatus.DRAFT, proposal: input.proposal ?? null, createdAt: now, updatedAt: now });
        if (eventIds.length > 0) await tx.insert(ClaimEvent, eventIds.map((eventId) => ({ claimId: id, eventId })));
        if (entityIds.length > 0) await tx.insert(ClaimEntity, entityIds.map((entityId) => ({ claimId: id, entityId })));
        if (links.length > 0) await tx.insert(ClaimLink, links.map((link) => ({ fromClaimId: id, ...link })));
      });
      await this.evidence.createFor(context, outer, { claimId: id }, input.evidence, input.reason);
      return written;
    });
  }

  async update(context: WriteContext, input: UpdateClaimInput): Promise<Claim> {
    const target = { id: requireId(input.id), expectedVersion: input.expectedVersion, reason: input.reason ?? null, operation: RevisionOperation.UPDATE };
    const { meta, state } = await new RecordWriter(this.dataSource).replace(context, ClaimRecord, target, async (before, tx) => ({
      ...before,
      status: statusAfterEdit(before.status),
      ...(await checkFields(tx, target.id, applyPatch<ClaimInputFields>(before, input))),
    }));
    // The state just read back from the rows, and the columns the write returned: the claim as stored, without a read.
    return ClaimRecord.hydrate(meta, state);
  }
}
