import { type DataSource, type EntityManager, IsNull } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { parseIsoDate } from '../../core/dates/precision.js';
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
import { byParticipant, Event, EventRecord, type EventState, participantKey, type ParticipantState } from './event.entity.js';
import { EventType, EventTypeRecord, type EventTypeState } from './event-type.entity.js';
import { EventModality, ParticipantRole } from './events.enums.js';
import type { CreateEventInput, DateRangeInput, EventFilter, FuzzyDateInput, ParticipantInput, UpdateEventInput } from './events.types.js';

export interface CreateEventTypeInput {
  id?: string;
  code: string;
  label: string;
  description?: string | null;
  reason?: string | null;
}

const EVENT_TYPE_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/** The last day an event may have happened on: the end of its end's period, or of its start's. */
const LATEST_DAY = `(CASE coalesce($.end_precision, $.start_precision)
  WHEN 'DAY' THEN coalesce($.end_date, $.start_date)
  WHEN 'WEEK' THEN coalesce($.end_date, $.start_date) + 6
  WHEN 'MONTH' THEN (date_trunc('month', coalesce($.end_date, $.start_date)) + interval '1 month - 1 day')::date
  ELSE (date_trunc('year', coalesce($.end_date, $.start_date)) + interval '1 year - 1 day')::date END)`;

function checkRange(range: DateRangeInput): { from: string; to: string; includePossible: boolean } {
  const check = new InputCheck();
  if (!parseIsoDate(range.from)) check.fail('filter.date.from', 'must be a calendar date written YYYY-MM-DD');
  if (!parseIsoDate(range.to)) check.fail('filter.date.to', 'must be a calendar date written YYYY-MM-DD');
  if (range.from > range.to) check.fail('filter.date.to', 'must not be before from');
  check.done();
  return { from: range.from, to: range.to, includePossible: range.includePossible ?? true };
}

/** What an editor sets on an event; status and bookkeeping are the workflow's. */
interface EventInputFields {
  title: string;
  type: string;
  summary: string | null;
  start: FuzzyDateInput | null;
  end: FuzzyDateInput | null;
  timeExpression: string | null;
  placeId: string | null;
  parentId: string | null;
  modality: EventModality;
  participants: ParticipantInput[];
}

const inputFieldsOf = (state: EventState): EventInputFields => ({
  title: state.title,
  type: state.typeCode,
  summary: state.summary,
  start: state.startDate && state.startPrecision ? { date: state.startDate, precision: state.startPrecision } : null,
  end: state.endDate && state.endPrecision ? { date: state.endDate, precision: state.endPrecision } : null,
  timeExpression: state.timeExpression,
  placeId: state.placeId,
  parentId: state.parentId,
  modality: state.modality,
  participants: state.participants,
});

/**
 * One participant as the state keeps it: an entity's id or a label, exactly one, the other left out (as a
 * claim's claimant is one of the two). A label's spaces are collapsed, so one name is one label.
 */
function checkParticipant(check: InputCheck, field: string, given: ParticipantInput): ParticipantState {
  const role = check.oneOf(`${field}.role`, given.role, ParticipantRole);
  const hasEntity = given.entityId !== undefined && given.entityId !== null;
  const hasLabel = given.label !== undefined && given.label !== null;
  if (hasEntity === hasLabel) {
    check.fail(field, 'give either an entity (entityId) or a label for someone not yet in the store, not both');
    return { role };
  }
  if (hasEntity) return { entityId: check.id(`${field}.entityId`, given.entityId!), role };
  return { label: check.text(`${field}.label`, given.label!.replace(/\s+/g, ' '), { max: 300 }), role };
}

/** Checks an event's fields and the records they name; returns the state's fields, normalised. */
async function checkFields(manager: EntityManager, references: ReferenceCheck, id: string, fields: EventInputFields) {
  const check = new InputCheck();
  const start = check.datedAt('start', fields.start?.date, fields.start?.precision);
  const end = check.datedAt('end', fields.end?.date, fields.end?.precision);
  if (end.date && !start.date) check.fail('end', 'needs a start date');
  if (end.date && start.date && end.date < start.date) check.fail('end', 'must not be before the start');
  const participants = fields.participants.map((p, i) => checkParticipant(check, `participants[${i}]`, p));
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    const key = participantKey(p);
    if (seen.has(key)) check.fail(`participants[${i}]`, `names the same ${p.entityId ? 'entity' : 'label'} in the same role twice`);
    seen.add(key);
  });
  const parentId = fields.parentId ? check.id('parentId', fields.parentId) : null;
  if (parentId === id) check.fail('parentId', 'an event cannot be part of itself');
  const normalised = {
    title: check.text('title', fields.title, { max: 500 }),
    typeCode: check.text('type', fields.type, { max: 40 }),
    summary: check.optionalText('summary', fields.summary, { max: 10000 }),
    startDate: start.date,
    startPrecision: start.precision,
    endDate: end.date,
    endPrecision: end.precision,
    timeExpression: check.optionalText('timeExpression', fields.timeExpression, { max: 300 }),
    placeId: fields.placeId ? check.id('placeId', fields.placeId) : null,
    parentId,
    modality: check.oneOf('modality', fields.modality, EventModality),
    participants: participants.sort(byParticipant),
  };
  check.done();
  await references([
    { field: 'type', table: 'event_types', column: 'code', id: normalised.typeCode },
    { field: 'placeId', table: 'entities', id: normalised.placeId },
    { field: 'parentId', table: 'events', id: parentId },
    ...participants.flatMap((p, i) => (p.entityId ? [{ field: `participants[${i}].entityId`, table: 'entities', id: p.entityId }] : [])),
  ]);
  if (parentId) await refuseParentCycle(manager, id, parentId);
  return normalised;
}

/** An event cannot end up part of one of its own parts. */
async function refuseParentCycle(manager: EntityManager, id: string, parentId: string): Promise<void> {
  const [row] = (await manager.query(
    `WITH RECURSIVE ancestors(id) AS (
       SELECT parent_id FROM events WHERE id = $1
       UNION SELECT e.parent_id FROM events e JOIN ancestors a ON e.id = a.id WHERE e.parent_id IS NOT NULL
     ) SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
    [parentId, id],
  )) as Array<{ cycle: boolean }>;
  if (row?.cycle) {
    const check = new InputCheck();
    check.fail('parentId', 'would make the event part of one of its own parts');
    check.done();
  }
}

export class EventsService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<EventState, Event>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {
    this.lifecycle = new RecordLifecycle(dataSource, EventRecord);
  }

  /** The record now or, with `asOf`, as it stood then; null when the viewer may not see it. */
  get(viewer: Viewer, id: string, options: LookupOptions = {}): Promise<Event | null> {
    return findVisibleRecord(this.dataSource, viewer, EventRecord, Event, id, options);
  }

  /** A page of the list, whole records unless `reading` says which columns and what they lead to. */
  list<R extends PageRecord = Event>(
    viewer: Viewer,
    args: ListArgs,
    filter: EventFilter = {},
    reading?: PageReading<R>,
  ): Promise<Connection<R>> {
    const filters = new FilterBuilder(this.dataSource.getRepository(Event).createQueryBuilder('event'))
      .oneOf('status', filter.status)
      .oneOf('proposal', filter.proposal)
      .oneOf('type_code', filter.type)
      .oneOf('modality', filter.modality)
      .id(
        'filter.entityId',
        filter.entityId,
        'EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = $.id AND p.entity_id = :value)',
      )
      .id('filter.placeId', filter.placeId, '$.place_id = :value')
      .id(
        'filter.sourceId',
        filter.sourceId,
        'EXISTS (SELECT 1 FROM evidence ev JOIN source_revisions sr ON sr.id = ev.source_revision_id WHERE ev.event_id = $.id AND ev.deleted_at IS NULL AND sr.source_id = :value)',
      );
    if (filter.date) {
      const { from, to, includePossible } = checkRange(filter.date);
      // Overlapping the range is enough for "possibly inside"; lying within it, for "inside".
      filters.when(to, '$.start_date <= :value::date').when(from, `${LATEST_DAY} >= :value::date`);
      if (!includePossible) filters.when(from, '$.start_date >= :value::date').when(to, `${LATEST_DAY} <= :value::date`);
    }
    return paginate<Event, R>(visibleOnly(viewer, filters.done(), { reviewed: true, includeDeleted: args.includeDeleted }), args, reading);
  }

  listTypes(): Promise<EventType[]> {
    return this.dataSource.manager.find(EventType, { where: { deletedAt: IsNull() }, order: { code: 'ASC' } });
  }

  async createType(
    context: WriteContext,
    input: CreateEventTypeInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<EventTypeState>> {
    const check = new InputCheck();
    const code = check.text('code', input.code, { max: 40 });
    if (!EVENT_TYPE_CODE.test(code)) check.fail('code', 'must be upper-case letters, digits and _, starting with a letter');
    const row = {
      id: input.id ?? newId(),
      code,
      label: check.text('label', input.label, { max: 200 }),
      description: check.optionalText('description', input.description, { max: 2000 }),
    };
    check.done();
    const now = new Date();
    const { id, ...fields } = row;
    return new RecordWriter(manager).create(context, EventTypeRecord, id, input.reason ?? null, (tx) =>
      EventTypeRecord.insertState(tx, id, { ...fields, deletedAt: null, deleteReason: null }, now),
    );
  }

  /** Creates an event with its participants, as a DRAFT for review. */
  async create(
    context: WriteContext,
    input: CreateEventInput & { id?: string; proposal?: ProposalState; corroboratesId?: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<EventState>> {
    const id = input.id ?? newId();
    const now = new Date();
    return manager.transaction(async (outer) => {
      const written = await new RecordWriter(outer).create(context, EventRecord, id, input.reason ?? null, async (tx) => {
        const { participants, ...fields } = await checkFields(tx, checkReferencesIn(tx), id, {
          title: input.title,
          type: input.type,
          summary: input.summary ?? null,
          start: input.start ?? null,
          end: input.end ?? null,
          timeExpression: input.timeExpression ?? null,
          placeId: input.placeId ?? null,
          parentId: input.parentId ?? null,
          modality: input.modality,
          participants: input.participants ?? [],
        });
        return EventRecord.insertState(
          tx,
          id,
          {
            ...fields,
            participants,
            status: ReviewStatus.DRAFT,
            reReviewPendingSince: null,
            proposal: input.proposal ?? null,
            corroboratesId: input.corroboratesId ?? null,
            deletedAt: null,
            deleteReason: null,
          },
          now,
        );
      });
      await this.evidence.createFor(context, outer, { eventId: id }, input.evidence, input.reason);
      return written;
    });
  }

  async update(context: WriteContext, input: UpdateEventInput): Promise<Event> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    const { meta, state } = await new RecordWriter(this.dataSource).replace(
      context,
      EventRecord,
      target,
      async (before, tx, references) => ({
        ...before,
        status: statusAfterEdit(before.status),
        ...(await checkFields(tx, references, target.id, applyPatch(inputFieldsOf(before), input))),
      }),
    );
    // As a claim's edit is: the state written and the columns its version bump returned, without a read.
    return EventRecord.hydrate(meta, state);
  }
}
