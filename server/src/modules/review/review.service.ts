import { type DataSource, type EntityManager, In } from 'typeorm';

import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors.js';
import { ReviewStatus } from '../../core/review/status.js';
import { lastContentChanges } from '../../core/review/steps.js';
import { decide, decideReReview, decisionRequires, statusAfterEdit, SUBMITTABLE } from '../../core/review/workflow.js';
import { canonicalJson } from '../../core/revisions/canonical-json.js';
import { diffStates, type RecordState } from '../../core/revisions/diff.js';
import { type RecordKind, RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { Claim, ClaimRecord } from '../claims/claim.entity.js';
import { Event, EventRecord } from '../events/event.entity.js';
import { Evidence, EvidenceRecord, type EvidenceState } from '../evidence/evidence.entity.js';
import type { EvidenceChange, ReviewInput, ReviewQueueItem, SubmitForReviewInput } from './review.types.js';

type ReviewableState = RecordState & { status: ReviewStatus; reReviewPendingSince: Date | string | null; deletedAt: string | null };

const REVIEWABLE: ReadonlyArray<{ recordType: RecordType.CLAIM | RecordType.EVENT; kind: RecordKind<ReviewableState, Claim | Event> }> = [
  { recordType: RecordType.CLAIM, kind: ClaimRecord },
  { recordType: RecordType.EVENT, kind: EventRecord },
];

export class ReviewService {
  constructor(private readonly dataSource: DataSource) {}

  private async reviewable(manager: EntityManager, id: string) {
    for (const reviewable of REVIEWABLE) {
      if (await manager.existsBy(reviewable.kind.entity, { id })) return reviewable;
    }
    throw new NotFoundError('Claim or Event', id);
  }

  async submit(
    context: WriteContext,
    input: SubmitForReviewInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Claim | Event> {
    const id = requireId(input.id);
    const check = new InputCheck();
    const comment = check.optionalText('comment', input.comment, { max: 5000 });
    check.done();
    const { kind } = await this.reviewable(manager, id);
    await new RecordWriter(manager).replace(
      context,
      kind,
      { id, expectedVersion: input.expectedVersion, reason: comment, operation: RevisionOperation.REVIEW },
      (before) => {
        if (before.deletedAt) throw new BadInputError([{ field: 'id', message: 'a deleted record cannot go to review' }]);
        if (!SUBMITTABLE.includes(before.status)) {
          throw new BadInputError([
            { field: 'id', message: `a ${before.status} record cannot be sent to review; only ${SUBMITTABLE.join(' or ')} ones can` },
          ]);
        }
        return { ...before, status: ReviewStatus.IN_REVIEW };
      },
    );
    return manager.findOneByOrFail(kind.entity, { id });
  }

  async review(context: WriteContext, input: ReviewInput, manager: EntityManager = this.dataSource.manager): Promise<Claim | Event> {
    const id = requireId(input.id);
    const check = new InputCheck();
    const comment = check.text('comment', input.comment, { max: 5000 });
    check.done();
    const { kind, recordType } = await this.reviewable(manager, id);
    return manager.transaction(async (transaction) => {
      await new RecordWriter(transaction).replace(
        context,
        kind,
        { id, expectedVersion: input.expectedVersion, reason: comment, operation: RevisionOperation.REVIEW },
        async (before, tx) => {
          if (before.deletedAt) throw new BadInputError([{ field: 'id', message: 'a deleted record cannot be reviewed' }]);
          const next = awaitsReReview(before) ? decideReReview(input.decision) : decide(before.status, input.decision);
          if (!next) {
            throw new BadInputError([
              {
                field: 'decision',
                message: `${input.decision} needs a ${decisionRequires(input.decision)} record; this one is ${before.status}`,
              },
            ]);
          }
          if ((await lastContentChanges(tx, recordType, [id])).get(id)?.actor === context.actor) {
            throw new DomainError(
              ErrorCode.FORBIDDEN,
              'You made the last change to this record or to the evidence it rests on: another reviewer must judge it (four-eyes)',
            );
          }
          return { ...before, status: next, reReviewPendingSince: null };
        },
      );
      await settleVerifiedQuotes(transaction, context, recordType, id, comment);
      return transaction.findOneByOrFail(kind.entity, { id });
    });
  }

  /** What waits for a reviewer, longest waiting first, with what changed since a reviewer last verified it. */
  async queue(): Promise<ReviewQueueItem[]> {
    const items: ReviewQueueItem[] = [];
    for (const { recordType, kind } of REVIEWABLE) {
      // Sent to review: by an editor (a REVIEW step), or back, by a change to a judged record or to its evidence
      // (the write whose changes set the status), whose reason says why: a correction of its source, say.
      const rows = (await this.dataSource.query(
        `SELECT t.id AS record_id, s.created_at AS submitted_at, s.actor AS submitted_by, s.operation <> 'REVIEW' AS sent_back, s.reason AS submitted_reason,
                r.state AS current, v.id AS verified_log_id, v.version AS verified_version, v.state AS verified
           FROM ${kind.table} t
           CROSS JOIN LATERAL (SELECT state FROM revisions WHERE record_type = $1 AND record_id = t.id ORDER BY version DESC LIMIT 1) r
           CROSS JOIN LATERAL (SELECT created_at, actor, operation, reason FROM revisions
                                WHERE record_type = $1 AND record_id = t.id
                                  AND (state->>'status' = 'IN_REVIEW' AND (operation = 'REVIEW' OR changes ? 'status')
                                       OR state->>'status' = 'VERIFIED' AND changes ? 'reReviewPendingSince' AND state->>'reReviewPendingSince' IS NOT NULL)
                                ORDER BY version DESC LIMIT 1) s
           LEFT JOIN LATERAL (SELECT id, version, state FROM revisions WHERE record_type = $1 AND record_id = t.id
                                 AND state->>'status' = 'VERIFIED' AND state->>'reReviewPendingSince' IS NULL
                                ORDER BY version DESC LIMIT 1) v ON true
          WHERE (t.status = 'IN_REVIEW' OR t.status = 'VERIFIED' AND t.re_review_pending_since IS NOT NULL) AND t.deleted_at IS NULL`,
        [recordType],
      )) as Array<{
        record_id: string;
        submitted_at: Date;
        submitted_by: string;
        sent_back: boolean;
        submitted_reason: string | null;
        current: RecordState;
        verified_log_id: string | null;
        verified_version: number | null;
        verified: RecordState | null;
      }>;
      if (rows.length === 0) continue;
      const evidenceChanges = await evidenceChangesSince(
        this.dataSource.manager,
        recordType,
        rows.filter((row) => row.verified_log_id !== null).map((row) => [row.record_id, row.verified_log_id!]),
      );
      const edits = await lastContentChanges(
        this.dataSource.manager,
        recordType,
        rows.map((row) => row.record_id),
      );
      const found = (await this.dataSource.manager.findBy(kind.entity, { id: In(rows.map((row) => row.record_id)) })) as Array<
        Claim | Event
      >;
      const records = new Map(found.map((record) => [record.id, record]));
      for (const row of rows) {
        const { status: _before, reReviewPendingSince: _pendingBefore, ...verified } = row.verified ?? {};
        const { status: _after, reReviewPendingSince: _pendingAfter, ...current } = row.current;
        items.push({
          recordType,
          record: records.get(row.record_id)!,
          submittedAt: row.submitted_at,
          submittedBy: row.submitted_by,
          sentBack: row.sent_back,
          submittedReason: row.submitted_reason,
          evidenceChangesSinceVerified: evidenceChanges.get(row.record_id) ?? [],
          lastEditedBy: edits.get(row.record_id)!.actor,
          lastVerifiedVersion: row.verified_version,
          changesSinceVerified: Object.fromEntries(
            Object.entries(diffStates(row.verified ? verified : null, current)).filter(
              ([, change]) => canonicalJson(change.before) !== canonicalJson(change.after),
            ),
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
  owner: { claimId: string | null; eventId: string | null; verifiedQuote?: unknown; deletedAt?: unknown },
  reason: string,
  { retracted = 'refuse' }: { retracted?: 'refuse' | 'leave' } = {},
): Promise<Claim | Event | null> {
  const reviewable = owner.claimId ? REVIEWABLE[0] : REVIEWABLE[1];
  const id = (owner.claimId ?? owner.eventId)!;
  const [row] = (await manager.query(
    `SELECT status, version, re_review_pending_since FROM ${reviewable.kind.table} WHERE id = $1 FOR UPDATE`,
    [id],
  )) as Array<{ status: ReviewStatus; version: number; re_review_pending_since: Date | null }>;
  if (!row || (row.status === ReviewStatus.RETRACTED && retracted === 'leave')) return null;
  // Evidence clients read as verified (re-selected or confirmed while its record awaits re-review) changes
  // nothing they see: the record waits for its reviewer as it was.
  if (row.status === ReviewStatus.VERIFIED && row.re_review_pending_since && owner.verifiedQuote && !owner.deletedAt) return null;
  const next = statusAfterEdit(row.status);
  if (next === row.status) return null;
  await new RecordWriter(manager).replace(
    context,
    reviewable.kind,
    { id, expectedVersion: row.version, reason, operation: RevisionOperation.UPDATE },
    (before) => ({ ...before, status: next, reReviewPendingSince: null }),
  );
  return manager.findOneByOrFail(reviewable.kind.entity, { id });
}

/** The review status of the record an evidence supports, locked until the transaction ends. */
export async function ownerStatus(
  manager: EntityManager,
  owner: { claimId: string | null; eventId: string | null },
): Promise<ReviewStatus> {
  const reviewable = owner.claimId ? REVIEWABLE[0] : REVIEWABLE[1];
  const [row] = (await manager.query(`SELECT status FROM ${reviewable.kind.table} WHERE id = $1 FOR UPDATE`, [
    owner.claimId ?? owner.eventId,
  ])) as Array<{ status: ReviewStatus }>;
  return row!.status;
}

/**
 * What a correction of its source that rewords a record's evidence does to the record. A VERIFIED one stays
 * published as last verified, its evidence read by client apps on the words it was verified on (the correction
 * keeps them as `verifiedQuote`), and waits in the review queue (`reReviewPendingSince`, in its own revision)
 * until a reviewer judges it again; a correction never silently unpublishes verified words, nor publishes new ones.
 * Any other judged record goes back to review as any evidence change sends it; a retraction stands. Answers the
 * record it marked or sent back, or null when it was already waiting.
 */
export async function reopenAfterCorrection(
  manager: EntityManager,
  context: WriteContext,
  owner: { claimId: string | null; eventId: string | null },
  reason: string,
): Promise<Claim | Event | null> {
  const reviewable = owner.claimId ? REVIEWABLE[0] : REVIEWABLE[1];
  const id = (owner.claimId ?? owner.eventId)!;
  const [row] = (await manager.query(
    `SELECT status, version, re_review_pending_since FROM ${reviewable.kind.table} WHERE id = $1 FOR UPDATE`,
    [id],
  )) as Array<{ status: ReviewStatus; version: number; re_review_pending_since: Date | null }>;
  if (row?.status !== ReviewStatus.VERIFIED) return reopenAfterEvidenceChange(manager, context, owner, reason, { retracted: 'leave' });
  if (row.re_review_pending_since) return null;
  await new RecordWriter(manager).replace(
    context,
    reviewable.kind,
    { id, expectedVersion: row.version, reason, operation: RevisionOperation.UPDATE },
    (before) => ({ ...before, reReviewPendingSince: new Date() }),
  );
  return manager.findOneByOrFail(reviewable.kind.entity, { id });
}

/** Whether a record is published as last verified while a correction's rewording of its evidence awaits a reviewer. */
function awaitsReReview(state: ReviewableState): boolean {
  return state.status === ReviewStatus.VERIFIED && state.reReviewPendingSince !== null && state.reReviewPendingSince !== undefined;
}

/**
 * Once a reviewer has judged a record again, clients read its evidence as it stands: the verified words each kept
 * through a correction are let go, in revisions of the review (not content changes: the reviewer stays a reviewer).
 */
async function settleVerifiedQuotes(manager: EntityManager, context: WriteContext, recordType: RecordType, id: string, comment: string) {
  const owner = recordType === RecordType.CLAIM ? 'claim_id' : 'event_id';
  const held = (await manager.query(`SELECT id, version FROM evidence WHERE ${owner} = $1 AND verified_quote IS NOT NULL ORDER BY id`, [
    id,
  ])) as Array<{ id: string; version: number }>;
  const writer = new RecordWriter(manager);
  for (const evidence of held) {
    await writer.replace(
      context,
      EvidenceRecord,
      { id: evidence.id, expectedVersion: evidence.version, reason: comment, operation: RevisionOperation.REVIEW },
      (before) => ({ ...before, verifiedQuote: null }),
    );
  }
}

/**
 * What a record rests on, as a reviewer reads it: which words, and how sure their place is. A quote a correction
 * only moved (the same words on the new snapshot) has not changed.
 */
const restsOn = (state: EvidenceState | null) =>
  state && !state.deletedAt ? canonicalJson({ exact: state.selector.exact, anchorStatus: state.anchorStatus }) : null;

/**
 * For each record, its evidence that changed since the revision a reviewer last verified (`verifiedLogId`, its
 * place in the log): the words as verified beside the words now, and the write that changed them last.
 */
async function evidenceChangesSince(
  manager: EntityManager,
  recordType: RecordType,
  verified: Array<[string, string]>,
): Promise<Map<string, EvidenceChange[]>> {
  if (verified.length === 0) return new Map();
  const owner = recordType === RecordType.CLAIM ? 'claim_id' : 'event_id';
  const rows = (await manager.query(
    `SELECT e.id, e.${owner} AS subject, was.state AS was, now.state AS now, now.actor, now.created_at, now.reason
       FROM unnest($1::uuid[], $2::bigint[]) AS v(subject, verified_log_id)
       JOIN evidence e ON e.${owner} = v.subject
       LEFT JOIN LATERAL (SELECT state FROM revisions WHERE record_type = $3 AND record_id = e.id AND id <= v.verified_log_id ORDER BY version DESC LIMIT 1) was ON true
       CROSS JOIN LATERAL (SELECT state, actor, created_at, reason FROM revisions WHERE record_type = $3 AND record_id = e.id ORDER BY version DESC LIMIT 1) now
      ORDER BY e.start_pos, e.id`,
    [verified.map(([subject]) => subject), verified.map(([, logId]) => logId), RecordType.EVIDENCE],
  )) as Array<{
    id: string;
    subject: string;
    was: EvidenceState | null;
    now: EvidenceState;
    actor: string;
    created_at: Date;
    reason: string | null;
  }>;
  const changed = rows.filter((row) => restsOn(row.was) !== restsOn(row.now));
  const evidence = new Map((await manager.findBy(Evidence, { id: In(changed.map((row) => row.id)) })).map((found) => [found.id, found]));
  const bySubject = new Map<string, EvidenceChange[]>();
  for (const row of changed) {
    const was = row.was && !row.was.deletedAt ? row.was : null;
    const now = row.now.deletedAt ? null : row.now;
    const list = bySubject.get(row.subject) ?? [];
    list.push({
      evidence: evidence.get(row.id)!,
      before: was?.selector ?? null,
      beforeStatus: was?.anchorStatus ?? null,
      after: now?.selector ?? null,
      afterStatus: now?.anchorStatus ?? null,
      changedBy: row.actor,
      changedAt: row.created_at,
      reason: row.reason,
    });
    bySubject.set(row.subject, list);
  }
  return bySubject;
}
