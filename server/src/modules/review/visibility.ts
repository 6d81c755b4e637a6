import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { PUBLIC_STATUSES, type ReviewStatus } from './review.enums.js';

interface Reviewable {
  status: ReviewStatus;
  deletedAt: Date | null;
}

/**
 * Invariant 7, in one place: client apps and anonymous callers see VERIFIED and RETRACTED records only; staff
 * see every status. Deleted records are out of every list and nested field; staff can still open one by id.
 */
export function canSee(viewer: Viewer, record: Reviewable | null, { byId = false } = {}): boolean {
  if (!record) return false;
  if (seesUnreviewed(viewer)) return byId || record.deletedAt === null;
  return record.deletedAt === null && PUBLIC_STATUSES.includes(record.status);
}

export function visibleOnly<T extends ObjectLiteral>(viewer: Viewer, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  query.andWhere(`${query.alias}.deletedAt IS NULL`);
  if (!seesUnreviewed(viewer)) query.andWhere(`${query.alias}.status IN (:...publicStatuses)`, { publicStatuses: PUBLIC_STATUSES });
  return query;
}
