import { In, type DataSource, type EntityManager } from 'typeorm';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors.js';
import { canonicalJson } from '../../core/revisions/canonical-json.js';
import { diffStates, type RecordState } from '../../core/revisions/diff.js';
import { RecordWriter, type RecordKind, type WriteContext } from '../../core/revisions/record-writer.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { Claim } from '../claims/claim.entity.js';
import { ClaimRecord } from '../claims/claims.state.js';
import { Event } from '../events/event.entity.js';
import { EventRecord } from '../events/events.state.js';
import { ReviewStatus } from './review.enums.js';
import { lastContentChanges } from './review.history.js';
import type { ReviewInput, ReviewQueueItem, SubmitForReviewInput } from './review.types.js';
import { decide, decisionRequires, statusAfterEdit, SUBMITTABLE } from './review.workflow.js';

type ReviewableState = RecordState & { status: ReviewStatus; deletedAt: string | null };

const REVIEWABLE = [
  { recordType: RecordType.CLAIM, kind: ClaimRecord as unknown as RecordKind<ReviewableState>, entity: Claim },
  { recordType: RecordType.EVENT, kind: EventRecord as unknown as RecordKind<ReviewableState>, entity: Event },
] as const;

export class ReviewService {
  constructor(private readonly dataSource: DataSource) {}

  private async reviewable(manager: EntityManager, id: string) {
    for (const reviewable of REVIEWABLE) {
      if (await manager.existsBy(reviewable.entity, { id })) return reviewable;
    }
    throw new NotFoundError('Claim or Event', id);
  }

  async submit(context: WriteContext, input: SubmitForReviewInput, manager: EntityManager = this.dataSource.manager): Promise<Claim | Event> {
    const id = requireId(input.id);
    const check = new InputCheck();
    const comment = check.optionalText('comment', input.comment, { max: 5000 });
    check.done();
    const { kind, entity } = await this.reviewable(manager, id);
    await new RecordWriter(manager).replace(context, kind, { id, expectedVersion: input.expectedVersion, reason: comment, operation: RevisionOperation.REVIEW }, (before) => {
      if (before.deletedAt) throw new BadInputError([{ field: 'id', message: 'a deleted record cannot go to review' }]);
      if (!SUBMITTABLE.includes(before.status)) {
        throw new BadInputError([{ field: 'id', message: `a ${before.status} record cannot be sent to review; only ${SUBMITTABLE.join(' or ')} ones can` }]);
      }
      return { ...before, status: ReviewStatus.IN_REVIEW };
    });
    return manager.findOneByOrFail(entity, { id });
  }

  async review(context: WriteContext, input: ReviewInput, manager: EntityManager = this.dataSource.manager): Promise<Claim | Event> {
    const id = requireId(input.id);
    const check = new InputCheck();
    const comment = check.text('comment', input.comment, { max: 5000 });
    check.done();
    const { kind, entity, recordType } = await this.reviewable(manager, id);
    await new RecordWriter(manager).replace(context, kind, { id, expectedVersion: input.expectedVersion, reason: comment, operation: RevisionOperation.REVIEW }, async (before, tx) => {
      if (before.deletedAt) throw new BadInputError([{ field: 'id', message: 'a deleted record cannot be reviewed' }]);
      const next = decide(before.status, input.decision);
      if (!next) {
        throw new BadInputError([{ field: 'decision', message: `${input.decision} needs a ${decisionRequires(input.decision)} record; this one is ${before.status}` }]);
      }
      if ((await lastContentChanges(tx, recordType, [id])).get(id)?.actor === context.actor) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'You made the last change to this record or to the evidence it rests on: another reviewer must judge it (four-eyes)');
      }
      return { ...before, status: next };
    });
    return manager.findOneByOrFail(entity, { id });
  }

  /** What waits for a reviewer, longest waiting first, with what changed since a reviewer last verified it. */
  async queue(): Promise<ReviewQueueItem[]> {
    const items: ReviewQueueItem[] = [];
    for (const { recordType, entity } of REVIEWABLE) {
      const rows = (await this.dataSource.query(
        `SELECT r.record_id, s.created_at AS submitted_at, s.actor AS submitted_by, r.state AS current,
                v.version AS verified_version, v.state AS verified
           FROM (SELECT DISTINCT ON (record_id) record_id, state FROM revisions WHERE record_type = $1 ORDER BY record_id, version DESC) r
           JOIN ${entity === Claim ? 'claims' : 'events'} t ON t.id = r.record_id AND t.status = 'IN_REVIEW' AND t.deleted_at IS NULL
           CROSS JOIN LATERAL (SELECT created_at, actor FROM revisions WHERE record_type = $1 AND record_id = r.record_id AND operation = 'REVIEW'
                                 ORDER BY version DESC LIMIT 1) s
           LEFT JOIN LATERAL (SELECT version, state FROM revisions WHERE record_type = $1 AND record_id = r.record_id AND state->>'status' = 'VERIFIED'
                                ORDER BY version DESC LIMIT 1) v ON true`,
        [recordType],
      )) as Array<{ record_id: string; submitted_at: Date; submitted_by: string; current: RecordState; verified_version: number | null; verified: RecordState | null }>;
      if (rows.length === 0) continue;
      const edits = await lastContentChanges(this.dataSource.manager, recordType, rows.map((row) => row.record_id));
      const found = (await this.dataSource.manager.findBy(entity, { id: In(rows.map((row) => row.record_id)) })) as Array<Claim | Event>;
      const records = new Map(found.map((record) => [record.id, record]));
      for (const row of rows) {
        const { status: _before, ...verified } = row.verified ?? {};
        const { status: _after, ...current } = row.current;
        items.push({
          recordType,
          record: records.get(row.record_id)!,
          submittedAt: row.submitted_at,
          submittedBy: row.submitted_by,
          lastEditedBy: edits.get(row.record_id)!.actor,
          lastVerifiedVersion: row.verified_version,
          changesSinceVerified: Object.fromEntries(
            Object.entries(diffStates(row.verified ? verified : null, current)).filter(([, change]) => canonicalJson(change.before) !== canonicalJson(change.after)),
          ),
        });
      }
    }
    return items.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }
}

/**
 * Evidence is part of what a claim or an event says: when it changes, a record a reviewer has judged goes back
 * to review (its own revision, in the same transaction), and a retracted record's evidence stays as it was.
 * Answers the record it sent back, as it now stands, or null when its status stays.
 */
export async function reopenAfterEvidenceChange(
  manager: EntityManager,
  context: WriteContext,
  owner: { claimId: string | null; eventId: string | null },
  reason: string,
  { retracted = 'refuse' }: { retracted?: 'refuse' | 'leave' } = {},
): Promise<Claim | Event | null> {
  const reviewable = owner.claimId ? REVIEWABLE[0] : REVIEWABLE[1];
  const id = (owner.claimId ?? owner.eventId)!;
  const [row] = (await manager.query(`SELECT status, version FROM ${reviewable.kind.table} WHERE id = $1 FOR UPDATE`, [id])) as Array<{ status: ReviewStatus; version: number }>;
  if (!row || (row.status === ReviewStatus.RETRACTED && retracted === 'leave')) return null;
  const next = statusAfterEdit(row.status);
  if (next === row.status) return null;
  await new RecordWriter(manager).replace(context, reviewable.kind, { id, expectedVersion: row.version, reason, operation: RevisionOperation.UPDATE }, (before) => ({ ...before, status: next }));
  return manager.findOneByOrFail<Claim | Event>(reviewable.entity, { id });
}
