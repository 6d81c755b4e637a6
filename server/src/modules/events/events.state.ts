import type { EntityManager } from 'typeorm';
import type { DatePrecision } from '../../core/dates/precision.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import { loadByStateQuery, type DeletableState, type RecordKind, type StateQuery } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { ProposalState } from '../../core/proposals/proposal-state.js';
import type { ReviewStatus } from '../../core/review/status.js';
import { EventType } from './event-type.entity.js';
import { Event } from './event.entity.js';
import type { EventModality, ParticipantRole } from './events.enums.js';

export interface EventTypeFields {
  code: string;
  label: string;
  description: string | null;
}

export interface EventTypeState extends EventTypeFields, DeletableState {}

export const EventTypeRecord: RecordKind<EventTypeState, EventType> = {
  recordType: RecordType.EVENT_TYPE,
  table: 'event_types',
  async loadState(manager: EntityManager, id: string) {
    const type = await manager.findOneBy(EventType, { id });
    return type && EventTypeRecord.stateOfRow!(type);
  },
  stateOfRow(type) {
    return { code: type.code, label: type.label, description: type.description, ...deletionState(type) };
  },
  async saveState(manager, id, state) {
    await manager.update(EventType, { id }, { code: state.code, label: state.label, description: state.description, ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new EventType(), { code: state.code, label: state.label, description: state.description }, recordColumns(meta, state));
  },
};

export interface EventFields {
  title: string;
  typeCode: string;
  summary: string | null;
  startDate: string | null;
  startPrecision: DatePrecision | null;
  endDate: string | null;
  endPrecision: DatePrecision | null;
  timeExpression: string | null;
  placeId: string | null;
  parentId: string | null;
  modality: EventModality;
  status: ReviewStatus;
  proposal: ProposalState | null;
}

export interface EventState extends EventFields, DeletableState {
  participants: Array<{ entityId: string; role: ParticipantRole }>;
}

const fieldsOf = (row: EventFields): EventFields => ({
  title: row.title,
  typeCode: row.typeCode,
  summary: row.summary,
  startDate: row.startDate,
  startPrecision: row.startPrecision,
  endDate: row.endDate,
  endPrecision: row.endPrecision,
  timeExpression: row.timeExpression,
  placeId: row.placeId,
  parentId: row.parentId,
  modality: row.modality,
  status: row.status,
  // Revisions written before proposals existed have no such field.
  proposal: row.proposal ?? null,
});

const byEntityThenRole = (a: { entityId: string; role: string }, b: { entityId: string; role: string }) =>
  a.entityId.localeCompare(b.entityId) || a.role.localeCompare(b.role);

function stateQuery(manager: EntityManager): StateQuery<EventState> {
  const columns = projection(manager, Event, 'e');
  return {
    sql: `SELECT ${columns.select},
                 coalesce((SELECT json_agg(json_build_object('entityId', entity_id, 'role', role)) FROM event_participants WHERE event_id = e.id), '[]') AS "participants"
            FROM events e WHERE e.id = $1`,
    read(row) {
      const event = columns.hydrate(row);
      return { ...fieldsOf(event), participants: (row.participants as EventState['participants']).sort(byEntityThenRole), ...deletionState(event) };
    },
  };
}

/** As a claim's (ClaimRecord): read with the version bump, written in one statement that answers it as written. */
export const EventRecord: RecordKind<EventState, Event> = {
  recordType: RecordType.EVENT,
  table: 'events',
  stateQuery,
  loadState: loadByStateQuery(stateQuery),
  async saveState(manager, id, state) {
    const columns = projection(manager, Event, 'e');
    const assignments = columns.assign({ ...fieldsOf(state), ...deletionColumns(state) }, 4);
    const [row] = await preparedQuery(
      manager,
      `WITH updated AS (UPDATE events AS e SET ${assignments.sql} WHERE id = $1 RETURNING ${columns.select}),
            gone AS (DELETE FROM event_participants WHERE event_id = $1 AND (entity_id, role) NOT IN (SELECT * FROM unnest($2::uuid[], $3::text[]))),
            added AS (INSERT INTO event_participants (event_id, entity_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[]) ON CONFLICT DO NOTHING RETURNING entity_id, role)
       SELECT updated.*,
              coalesce((SELECT json_agg(json_build_object('entityId', entity_id, 'role', role))
                          FROM (SELECT entity_id, role FROM event_participants WHERE event_id = $1 AND (entity_id, role) IN (SELECT * FROM unnest($2::uuid[], $3::text[]))
                                UNION ALL SELECT entity_id, role FROM added) kept), '[]') AS "participants"
         FROM updated`,
      [id, state.participants.map((p) => p.entityId), state.participants.map((p) => p.role), ...assignments.values],
    );
    return stateQuery(manager).read(row!);
  },
  hydrate(meta, state) {
    return Object.assign(new Event(), fieldsOf(state), recordColumns(meta, state));
  },
};
