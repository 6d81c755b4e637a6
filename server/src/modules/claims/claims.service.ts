import type { DataSource, EntityManager } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { FilterBuilder } from '../../core/filters.js';
import { newId } from '../../core/ids.js';
import { type Connection, type ListArgs, type PageRecord, paginate } from '../../core/paging/connection.js';
import { applyPatch } from '../../core/patch.js';
import type { ProposalState } from '../../core/proposals/proposal-state.js';
import { checkReferencesIn, type ReferenceCheck } from '../../core/references.js';
import { ReviewStatus } from '../../core/review/status.js';
import { statusAfterEdit } from '../../core/review/workflow.js';
import { RecordLifecycle } from '../../core/revisions/lifecycle.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import type { PageReading } from '../../core/sql/preload.js';
import { findVisibleRecord } from '../../core/time-travel/time-travel.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { type LookupOptions, visibleOnly } from '../../core/visibility/visibility.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { Claim, type ClaimInput, ClaimRecord, type ClaimState } from './claim.entity.js';
import { ClaimRanking } from './claims.enums.js';
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from './claims.types.js';

async function checkFields(references: ReferenceCheck, id: string, fields: ClaimInput): Promise<ClaimInput> {
  const check = new InputCheck();
  const normalised = ClaimRecord.check(check, fields);
  if ((normalised.claimantId === null) === (normalised.claimantLabel === null)) {
    check.fail('claimantId', 'give either a claimant entity or a label for an unnamed claimant, not both');
  }
  normalised.links.forEach((link, i) => {
    if (link.toClaimId === id) check.fail(`links[${i}].toClaimId`, 'a claim cannot link to itself');
  });
  check.done();
  await references([
    { field: 'claimantId', table: 'entities', id: normalised.claimantId },
    ...normalised.eventIds.map((eventId, i) => ({ field: `eventIds[${i}]`, table: 'events', id: eventId })),
    ...normalised.entityIds.map((entityId, i) => ({ field: `entityIds[${i}]`, table: 'entities', id: entityId })),
    ...normalised.links.map((link, i) => ({ field: `links[${i}].toClaimId`, table: 'claims', id: link.toClaimId })),
  ]);
  return normalised;
}

/** Unranked claims (not imported, or imported before imports ranked) after every ranked one, whose ranks run 0 to 1. */
const CHECK_WORTHINESS_RANK = 'coalesce($.check_worthiness, -1)';
export class ClaimsService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<ClaimState, Claim>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {
    this.lifecycle = new RecordLifecycle(dataSource, ClaimRecord);
  }

  /** The record now or, with `asOf`, as it stood then; null when the viewer may not see it. */
  get(viewer: Viewer, id: string, options: LookupOptions = {}): Promise<Claim | null> {
    return findVisibleRecord(this.dataSource, viewer, ClaimRecord, Claim, id, options);
  }

  /** A page of the list, whole records unless `reading` says which columns and what they lead to. */
  list<R extends PageRecord = Claim>(
    viewer: Viewer,
    args: ListArgs,
    filter: ClaimFilter = {},
    reading?: PageReading<R>,
    ranking?: ClaimRanking | null,
  ): Promise<Connection<R>> {
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
    return paginate<Claim, R>(
      visibleOnly(viewer, query, { reviewed: true, includeDeleted: args.includeDeleted }),
      args,
      reading,
      ranking === ClaimRanking.CHECK_WORTHINESS ? CHECK_WORTHINESS_RANK : undefined,
    );
  }

  /** Creates a claim with what it is about and its links, as a DRAFT for review. */
  async create(
    context: WriteContext,
    input: CreateClaimInput & { id?: string; proposal?: ProposalState; corroboratesId?: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<ClaimState>> {
    const id = input.id ?? newId();
    const now = new Date();
    return manager.transaction(async (outer) => {
      const written = await new RecordWriter(outer).create(context, ClaimRecord, id, input.reason ?? null, async (tx) => {
        const content = await checkFields(checkReferencesIn(tx), id, applyPatch(ClaimRecord.empty(), input));
        const state = {
          ...content,
          status: ReviewStatus.DRAFT,
          reReviewPendingSince: null,
          proposal: input.proposal ?? null,
          corroboratesId: input.corroboratesId ?? null,
          deletedAt: null,
          deleteReason: null,
        };
        return ClaimRecord.insertState(tx, id, state, now);
      });
      await this.evidence.createFor(context, outer, { claimId: id }, input.evidence, input.reason);
      return written;
    });
  }

  async update(context: WriteContext, input: UpdateClaimInput): Promise<Claim> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    const { meta, state } = await new RecordWriter(this.dataSource).replace(
      context,
      ClaimRecord,
      target,
      async (before, _tx, references) => ({
        ...before,
        status: statusAfterEdit(before.status),
        ...(await checkFields(references, target.id, applyPatch<ClaimInput>(before, input))),
      }),
    );
    // The settled state the revision holds, which is what the rows now hold, and the columns the write set: the claim as stored, without a read.
    return ClaimRecord.hydrate(meta, state);
  }
}
