// What each batch of an export looks up about its records: one statement per kind of fact, for the whole batch.
import { type EntityManager, In } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import type { DatePrecision } from '../../core/dates/precision.js';
import { TOMBSTONE_NAME } from '../../core/record.js';
import type { ReviewStatus } from '../../core/review/status.js';
import { decide, decisionRequires, ReviewDecision } from '../../core/review/workflow.js';
import type { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { readsAsTombstone, seenThrough, type VerifiedQuote } from '../../core/visibility/visibility.js';
import { EntityRecord, entityTombstone } from '../../modules/entities/entity.entity.js';
import type { AnchorStatus } from '../../modules/evidence/evidence.enums.js';
import { quoteSeenBy } from '../../modules/evidence/quote-seen.js';

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};

/** The statuses only a reviewer's decision leads to; a submission to review is not a decision. */
const DECIDED = Object.values(ReviewDecision).map((decision) => decide(decisionRequires(decision), decision)!);
const decisionFor = (status: ReviewStatus): ReviewDecision =>
  Object.values(ReviewDecision).find((decision) => decide(decisionRequires(decision), decision) === status)!;

export interface Decision {
  decision: ReviewDecision;
  actor: string;
  at: Date;
  version: number;
  comment: string | null;
}

export interface History {
  createdBy: string;
  createdAt: Date;
  /** Who wrote the latest revision, whatever it was. */
  updatedBy: string;
  /** Whether that latest revision was a review step, so that its writer is a reviewer. */
  updatedByReview: boolean;
  /** The latest verify, dispute, reject or retract. */
  decision: Decision | null;
}

export async function historiesOf(manager: EntityManager, recordType: RecordType, ids: string[]): Promise<Map<string, History>> {
  const rows = (await manager.query(
    `SELECT r.id, f.actor AS created_by, f.created_at, l.actor AS updated_by, l.operation = 'REVIEW' AS updated_by_review,
            d.version AS decision_version, d.actor AS decided_by, d.created_at AS decided_at,
            d.status AS decided_status, d.reason AS decision_comment
       FROM unnest($2::uuid[]) AS r(id)
       JOIN LATERAL (SELECT actor, created_at FROM revisions WHERE record_type = $1 AND record_id = r.id ORDER BY version LIMIT 1) f ON true
       JOIN LATERAL (SELECT actor, operation FROM revisions WHERE record_type = $1 AND record_id = r.id ORDER BY version DESC LIMIT 1) l ON true
       LEFT JOIN LATERAL (SELECT version, actor, created_at, reason, state->>'status' AS status FROM revisions
                           WHERE record_type = $1 AND record_id = r.id AND operation = 'REVIEW' AND state->>'status' = ANY($3)
                           ORDER BY version DESC LIMIT 1) d ON true`,
    [recordType, ids, DECIDED],
  )) as Array<{
    id: string;
    created_by: string;
    created_at: Date;
    updated_by: string;
    updated_by_review: boolean;
    decision_version: number | null;
    decided_by: string | null;
    decided_at: Date | null;
    decided_status: ReviewStatus | null;
    decision_comment: string | null;
  }>;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedBy: row.updated_by,
        updatedByReview: row.updated_by_review,
        decision: row.decided_status
          ? {
              decision: decisionFor(row.decided_status),
              actor: row.decided_by!,
              at: row.decided_at!,
              version: row.decision_version!,
              comment: row.decision_comment,
            }
          : null,
      },
    ]),
  );
}

export interface RevisionFact {
  logId: string;
  version: number;
  operation: RevisionOperation;
  actor: string;
  at: Date;
  reason: string | null;
  /** Evidence only: the text snapshot this version pointed into. */
  sourceRevisionId: string | null;
}

/** Every revision of each record, oldest first. */
export async function revisionsOf(manager: EntityManager, recordType: RecordType, ids: string[]): Promise<Map<string, RevisionFact[]>> {
  const rows = (await manager.query(
    `SELECT id, record_id, version, operation, actor, created_at, reason, state->>'sourceRevisionId' AS source_revision_id
       FROM revisions WHERE record_type = $1 AND record_id = ANY($2::uuid[]) ORDER BY record_id, version`,
    [recordType, ids],
  )) as Array<{
    id: string;
    record_id: string;
    version: number;
    operation: RevisionOperation;
    actor: string;
    created_at: Date;
    reason: string | null;
    source_revision_id: string | null;
  }>;
  const facts = rows.map((row) => ({
    recordId: row.record_id,
    logId: row.id,
    version: row.version,
    operation: row.operation,
    actor: row.actor,
    at: row.created_at,
    reason: row.reason,
    sourceRevisionId: row.source_revision_id,
  }));
  return groupBy(facts, (fact) => fact.recordId);
}

export interface SourceFact {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  /** ISO date, the start of its period at `publishedPrecision`. */
  publishedAt: string | null;
  publishedPrecision: DatePrecision | null;
}

export interface EvidenceFact {
  subjectId: string;
  exact: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  sourceRevisionId: string;
  revisionNumber: number;
  sha256: string;
  source: SourceFact;
}

/** A deleted source behind a record the viewer may see, as the API shows it (`seenThrough`): its id, "deleted". */
function sourceFactSeenBy(viewer: Viewer, fact: SourceFact, deletedAt: Date | null): SourceFact {
  if (!readsAsTombstone(viewer, { deletedAt })) return fact;
  return { id: fact.id, title: TOMBSTONE_NAME, url: null, publisher: null, author: null, publishedAt: null, publishedPrecision: null };
}

/** The live evidence of each claim (or event), in the order it stands in the text, its sources as the viewer sees them. */
export async function evidenceOf(
  manager: EntityManager,
  subject: 'claim' | 'event',
  ids: string[],
  viewer: Viewer,
): Promise<Map<string, EvidenceFact[]>> {
  const rows = (await manager.query(
    `SELECT e.${subject}_id AS subject_id, e.exact, e.prefix, e.suffix, e.start_pos, e.end_pos, e.anchor_status, e.source_revision_id, e.verified_quote,
            sr.number, sr.sha256, vr.number AS verified_number, vr.sha256 AS verified_sha256,
            s.id AS source_id, s.title, s.url, s.publisher, s.author, CAST(s.published_at AS text) AS published_at, s.published_precision, s.deleted_at
       FROM evidence e
       JOIN source_revisions sr ON sr.id = e.source_revision_id
       LEFT JOIN source_revisions vr ON vr.id = (e.verified_quote->>'sourceRevisionId')::uuid
       JOIN sources s ON s.id = sr.source_id
      WHERE e.${subject}_id = ANY($1::uuid[]) AND e.deleted_at IS NULL
      ORDER BY e.${subject}_id, s.title, sr.number, e.start_pos, e.id`,
    [ids],
  )) as Array<{
    subject_id: string;
    exact: string;
    prefix: string;
    suffix: string;
    start_pos: number;
    end_pos: number;
    anchor_status: AnchorStatus;
    source_revision_id: string;
    verified_quote: VerifiedQuote | null;
    verified_number: number | null;
    verified_sha256: string | null;
    number: number;
    sha256: string;
    source_id: string;
    title: string;
    url: string | null;
    publisher: string | null;
    author: string | null;
    published_at: string | null;
    published_precision: DatePrecision | null;
    deleted_at: Date | null;
  }>;
  const facts = rows.map((row) => {
    const seen = quoteSeenBy(viewer, {
      sourceRevisionId: row.source_revision_id,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      startPos: row.start_pos,
      endPos: row.end_pos,
      anchorStatus: row.anchor_status,
      verifiedQuote: row.verified_quote,
    });
    return {
      subjectId: row.subject_id,
      exact: seen.selector.exact,
      start: seen.selector.start,
      end: seen.selector.end,
      anchorStatus: seen.anchorStatus,
      sourceRevisionId: seen.sourceRevisionId,
      revisionNumber: seen.asVerified ? row.verified_number! : row.number,
      sha256: seen.asVerified ? row.verified_sha256! : row.sha256,
      source: sourceFactSeenBy(
        viewer,
        {
          id: row.source_id,
          title: row.title,
          url: row.url,
          publisher: row.publisher,
          author: row.author,
          publishedAt: row.published_at,
          publishedPrecision: row.published_precision,
        },
        row.deleted_at,
      ),
    };
  });
  return groupBy(facts, (fact) => fact.subjectId);
}

export interface SourceRevisionFact {
  id: string;
  number: number;
  sha256: string;
  actor: string;
  at: Date;
  previousId: string | null;
  source: Pick<SourceFact, 'id' | 'title' | 'url'>;
}

/** Text snapshots by id, each with the one it corrected, their sources as the viewer sees them. */
export async function sourceRevisionsOf(manager: EntityManager, ids: string[], viewer: Viewer): Promise<SourceRevisionFact[]> {
  const rows = (await manager.query(
    `SELECT sr.id, sr.number, sr.sha256, sr.actor, sr.created_at, prev.id AS previous_id, s.id AS source_id, s.title, s.url, s.deleted_at
       FROM source_revisions sr
       JOIN sources s ON s.id = sr.source_id
       LEFT JOIN source_revisions prev ON prev.source_id = sr.source_id AND prev.number = sr.number - 1
      WHERE sr.id = ANY($1::uuid[])
      ORDER BY s.title, sr.number`,
    [ids],
  )) as Array<{
    id: string;
    number: number;
    sha256: string;
    actor: string;
    created_at: Date;
    previous_id: string | null;
    source_id: string;
    title: string;
    url: string | null;
    deleted_at: Date | null;
  }>;
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    sha256: row.sha256,
    actor: row.actor,
    at: row.created_at,
    previousId: row.previous_id,
    source: readsAsTombstone(viewer, { deletedAt: row.deleted_at })
      ? { id: row.source_id, title: TOMBSTONE_NAME, url: null }
      : { id: row.source_id, title: row.title, url: row.url },
  }));
}

/** Entities by id, as the viewer sees them behind a record: a deleted one as its tombstone (`seenThrough`). */
export async function entitiesOf(manager: EntityManager, ids: Array<string | null>, viewer: Viewer): Promise<Map<string, EntityRecord>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(
    (await manager.findBy(EntityRecord, { id: In(wanted) })).map((entity) => [entity.id, seenThrough(viewer, entity, entityTombstone)!]),
  );
}
