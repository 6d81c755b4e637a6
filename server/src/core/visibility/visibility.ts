import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { seesUnreviewed, type Viewer } from '../access/viewer.js';
import { PUBLIC_STATUSES, type ReviewStatus } from '../review/status.js';
import { RecordType } from '../revisions/revisions.enums.js';

interface Visible {
  /** Claims and events have one; sources and entities are public once they exist. */
  status?: ReviewStatus;
  deletedAt: Date | null;
}

/** What deciding whether a caller may see a record reads: a record read in part must hold these for `canSee`. */
export const VISIBILITY_PROPERTIES: ReadonlyArray<keyof Visible> = ['status', 'deletedAt'];

export interface VisibilityOptions {
  /** Staff only: deleted records too (invariant 5: they can be found to be restored). */
  includeDeleted?: boolean | null;
}

/**
 * Invariants 5 and 7, in one place: client apps and anonymous callers see VERIFIED and RETRACTED records
 * only, and nobody sees a deleted record unless staff ask for deleted ones.
 */
export interface LookupOptions extends VisibilityOptions {
  /** The record as it stood at this moment, from the revision log. */
  asOf?: Date | null;
}

export function canSee<T extends Visible>(viewer: Viewer, record: T | null, options: VisibilityOptions = {}): record is T {
  if (!record) return false;
  const staff = seesUnreviewed(viewer);
  if (record.deletedAt !== null && !(staff && options.includeDeleted)) return false;
  return staff || record.status === undefined || PUBLIC_STATUSES.includes(record.status);
}

export function visibleOnly<T extends ObjectLiteral>(
  viewer: Viewer,
  query: SelectQueryBuilder<T>,
  { reviewed, includeDeleted }: VisibilityOptions & { reviewed: boolean },
): SelectQueryBuilder<T> {
  const staff = seesUnreviewed(viewer);
  if (!(staff && includeDeleted)) query.andWhere(`${query.alias}.deletedAt IS NULL`);
  if (reviewed && !staff) query.andWhere(`${query.alias}.status IN (:...publicStatuses)`, { publicStatuses: PUBLIC_STATUSES });
  return query;
}

/** Words in one text snapshot, as a TextQuoteSelector and TextPositionSelector over it. */
export interface VerifiedQuote {
  sourceRevisionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * The words of an evidence a viewer reads, when they are not the evidence as it stands: null for staff, who
 * read the evidence as a correction left it (FUZZY, say), and for evidence nothing awaits re-review on. For
 * everyone else, while the claim or event it supports awaits re-review after a correction reworded it, the words
 * a reviewer verified, on the snapshot they were verified on (snapshots are immutable, so they still stand
 * there): a correction neither unpublishes a verified record nor publishes words nobody checked. Evidence
 * read without `verifiedQuote` fails closed.
 */
export function verifiedQuoteSeenBy(viewer: Viewer, evidence: { verifiedQuote?: VerifiedQuote | null }): VerifiedQuote | null {
  if (seesUnreviewed(viewer)) return null;
  if (evidence.verifiedQuote === undefined) throw new Error('evidence read without verifiedQuote: what a client may read is unknown');
  return evidence.verifiedQuote;
}

/** Who reviewed and what they wrote: review deliberation, staff only. */
export function seesDeliberation(viewer: Viewer): boolean {
  return seesUnreviewed(viewer);
}

interface Step {
  status: ReviewStatus;
  comment: string | null;
  actor: string | null;
  actorUserId: string | null;
}

/**
 * A record's way through review as the viewer may read it. Staff read every step with who took it and why; for
 * everyone else (the API and the exports alike) deliberation stays inside: only the verdicts that published or
 * withdrew the record (VERIFIED, RETRACTED), with their dates, and no reviewer, comment or dispute.
 */
export function reviewStepsSeenBy<T extends Step>(viewer: Viewer, steps: readonly T[]): T[] {
  if (seesDeliberation(viewer)) return [...steps];
  return steps
    .filter((step) => PUBLIC_STATUSES.includes(step.status))
    .map((step) => ({ ...step, comment: null, actor: null, actorUserId: null }));
}

/**
 * Whether a deleted record reads as its tombstone for this viewer. Undefined counts as deleted, so a record read
 * in part without `deletedAt` fails closed rather than leaking.
 */
export function readsAsTombstone(viewer: Viewer, record: { deletedAt?: Date | null }): boolean {
  return record.deletedAt !== null && !seesUnreviewed(viewer);
}

/**
 * A record reached through another (a claim's claimant and entities, an event's place and participants, the
 * source and text of a quote, an entity's redirect), on every path: nested fields and exports alike. A deleted
 * one stays hidden from everyone but staff, yet what they may see still points at it; there it reads as a
 * tombstone, its id and dates with "deleted" and none of its content. Staff read it as it is, to restore it.
 */
export function seenThrough<T extends { deletedAt?: Date | null }>(
  viewer: Viewer,
  record: T | null | undefined,
  tombstone: (record: T) => T,
): T | null {
  if (!record) return null;
  return readsAsTombstone(viewer, record) ? tombstone(record) : record;
}

/** The kinds the change feed carries; evidence and notes only to staff, who read them on their own. */
export const FEED_RECORD_TYPES: readonly RecordType[] = [
  RecordType.SOURCE,
  RecordType.ENTITY,
  RecordType.EVENT,
  RecordType.CLAIM,
  RecordType.EVIDENCE,
  RecordType.ANNOTATION,
];
const STAFF_ONLY_RECORD_TYPES: readonly RecordType[] = [RecordType.EVIDENCE, RecordType.ANNOTATION];

/** Whether the change feed carries this kind to this viewer at all. */
export function feedCarries(viewer: Viewer, recordType: RecordType): boolean {
  return FEED_RECORD_TYPES.includes(recordType) && (seesUnreviewed(viewer) || !STAFF_ONLY_RECORD_TYPES.includes(recordType));
}

/**
 * Whether a record as one revision left it (its `state` in the log) is one the viewer reads: the same gate as
 * `canSee` on the live row, so the change feed says "visible" exactly when a fresh read would find the record.
 * Evidence reaches client apps only through a claim or an event, whose own revision marks any change clients would
 * read (back to review, or awaiting re-review as last verified), so the feed carries evidence to staff alone; notes
 * are staff-only everywhere.
 */
export function canSeeState(viewer: Viewer, recordType: RecordType, state: Record<string, unknown> | null): boolean {
  if (!state || !feedCarries(viewer, recordType)) return false;
  const status = state.status === undefined || state.status === null ? undefined : (state.status as ReviewStatus);
  return canSee(viewer, { status, deletedAt: (state.deletedAt as Date | string | null | undefined) ?? null } as Visible);
}
