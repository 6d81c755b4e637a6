import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { PUBLIC_STATUSES, type ReviewStatus } from './review.enums.js';

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
