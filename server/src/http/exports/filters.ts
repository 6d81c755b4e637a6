import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { ReviewStatus } from '../../core/review/status.js';
import { InputCheck } from '../../core/validation.js';
import { visibleOnly } from '../../core/visibility/visibility.js';
import { Claim } from '../../modules/claims/claim.entity.js';
import { Event } from '../../modules/events/event.entity.js';
import { Evidence } from '../../modules/evidence/evidence.entity.js';

/** What an export is narrowed to; null is no condition. Filters narrow what the viewer may see, never widen it. */
export interface ExportFilters {
  statuses: ReviewStatus[] | null;
  sourceId: string | null;
  /** Claims only: an export of events or their evidence has none when it is given. */
  claimantId: string | null;
  /** Records changed at or after this moment (`updatedAt`). */
  since: Date | null;
  /** One record and what rests on it (a claim's or event's evidence): what its IRI dereferences to. Not a query parameter. */
  record: { kind: 'claim' | 'event' | 'evidence'; id: string } | null;
}

/** No narrowing: everything the viewer may see. */
export const NO_FILTERS: ExportFilters = { statuses: null, sourceId: null, claimantId: null, since: null, record: null };

/** Narrows `query` (aliased as its kind) to the one record asked for, or to none when another kind was. */
function onlyRecord<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  kind: 'claim' | 'event' | 'evidence',
  filters: ExportFilters,
): SelectQueryBuilder<T> {
  if (filters.record)
    query.andWhere(filters.record.kind === kind ? `${query.alias}.id = :recordId` : 'FALSE', { recordId: filters.record.id });
  return query;
}

const PARAMETERS = ['status', 'sourceId', 'claimantId', 'since'];
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The query string, checked whole: an unknown or misspelt filter is refused rather than silently ignored. */
export function parseFilters(query: Record<string, unknown>): ExportFilters {
  const check = new InputCheck();
  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) check.fail(name, `is not a filter; the filters are ${PARAMETERS.join(', ')}`);
  }
  const single = (name: string): string | null => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      check.fail(name, 'give it once');
      return null;
    }
    return value;
  };

  // `status=VERIFIED,RETRACTED` and `status=VERIFIED&status=RETRACTED` say the same.
  const given = query.status;
  let statuses: ReviewStatus[] | null = null;
  if (given !== undefined) {
    const values = (Array.isArray(given) ? given : [given]).flatMap((value) => String(value).split(','));
    statuses = [...new Set(values.map((value) => check.oneOf('status', value.trim(), ReviewStatus)))];
  }
  const sourceId = single('sourceId');
  const claimantId = single('claimantId');
  // An unencoded `+` arrives as a space: `since=2024-05-01T12:00:00+02:00` still means that offset.
  const sinceText = single('since')?.replace(' ', '+') ?? null;
  let since: Date | null = null;
  if (sinceText !== null) {
    since = new Date(sinceText);
    if (!ISO_MOMENT.test(sinceText) || Number.isNaN(since.getTime()))
      check.fail('since', 'must be an ISO 8601 date or date-time, such as 2024-05-01 or 2024-05-01T12:00:00Z');
  }
  const filters = {
    statuses,
    sourceId: sourceId === null ? null : check.id('sourceId', sourceId),
    claimantId: claimantId === null ? null : check.id('claimantId', claimantId),
    since,
    record: null,
  };
  check.done();
  return filters;
}

const withEvidenceIn = (alias: string, column: 'claim_id' | 'event_id') =>
  `EXISTS (SELECT 1 FROM evidence ev JOIN source_revisions sr ON sr.id = ev.source_revision_id
            WHERE ev.${column} = ${alias}.id AND ev.deleted_at IS NULL AND sr.source_id = :sourceId)`;

/** The claims the viewer may see (invariant 7, as the API decides it), narrowed by the filters. */
export function claimsQuery(dataSource: DataSource, viewer: Viewer, filters: ExportFilters): SelectQueryBuilder<Claim> {
  const query = visibleOnly(viewer, dataSource.getRepository(Claim).createQueryBuilder('claim'), { reviewed: true });
  if (filters.statuses) query.andWhere('claim.status IN (:...statuses)', { statuses: filters.statuses });
  if (filters.claimantId) query.andWhere('claim.claimantId = :claimantId', { claimantId: filters.claimantId });
  if (filters.sourceId) query.andWhere(withEvidenceIn('claim', 'claim_id'), { sourceId: filters.sourceId });
  if (filters.since) query.andWhere('claim.updatedAt >= :since', { since: filters.since });
  return onlyRecord(query, 'claim', filters);
}

/** The events the viewer may see, narrowed by the filters; none when a claimant is asked for. */
export function eventsQuery(dataSource: DataSource, viewer: Viewer, filters: ExportFilters): SelectQueryBuilder<Event> | null {
  if (filters.claimantId) return null;
  const query = visibleOnly(viewer, dataSource.getRepository(Event).createQueryBuilder('event'), { reviewed: true });
  if (filters.statuses) query.andWhere('event.status IN (:...statuses)', { statuses: filters.statuses });
  if (filters.sourceId) query.andWhere(withEvidenceIn('event', 'event_id'), { sourceId: filters.sourceId });
  if (filters.since) query.andWhere('event.updatedAt >= :since', { since: filters.since });
  return onlyRecord(query, 'event', filters);
}

/**
 * The evidence of the claims and events the viewer may see. `status` and `claimantId` select those records;
 * `sourceId` and `since` apply to the evidence itself (its source, its own last change).
 */
export function evidenceQuery(dataSource: DataSource, viewer: Viewer, filters: ExportFilters): SelectQueryBuilder<Evidence> {
  const query = visibleOnly(viewer, dataSource.getRepository(Evidence).createQueryBuilder('evidence'), { reviewed: false });
  // Evidence asked for by its IRI is narrowed below; the claim or event it belongs to is not.
  const subjects = { ...filters, sourceId: null, since: null, record: filters.record?.kind === 'evidence' ? null : filters.record };
  const claims = claimsQuery(dataSource, viewer, subjects).select('claim.id');
  const events = eventsQuery(dataSource, viewer, subjects)?.select('event.id');
  const ofClaims = `evidence.claimId IN (${claims.getQuery()})`;
  query.andWhere(events ? `(${ofClaims} OR evidence.eventId IN (${events.getQuery()}))` : ofClaims, {
    ...claims.getParameters(),
    ...events?.getParameters(),
  });
  if (filters.sourceId) {
    query.andWhere('evidence.sourceRevisionId IN (SELECT id FROM source_revisions WHERE source_id = :sourceId)', {
      sourceId: filters.sourceId,
    });
  }
  if (filters.since) query.andWhere('evidence.updatedAt >= :since', { since: filters.since });
  if (filters.record?.kind === 'evidence') query.andWhere('evidence.id = :evidenceId', { evidenceId: filters.record.id });
  return query;
}
