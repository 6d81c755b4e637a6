import type { EntityManager } from 'typeorm';
import type { DatePrecision } from '../../core/dates/precision.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { ProposalState } from '../review/proposal.js';
import type { ReviewStatus } from '../review/review.enums.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';
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
    return type && { code: type.code, label: type.label, description: type.description, ...deletionState(type) };
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

export const EventRecord: RecordKind<EventState, Event> = {
  recordType: RecordType.EVENT,
  table: 'events',
  async loadState(manager: EntityManager, id: string) {
    const event = await manager.findOneBy(Event, { id });
    if (!event) return null;
    const participants = await manager.find(EventParticipant, { where: { eventId: id } });
    return {
      ...fieldsOf(event),
      participants: participants.map((p) => ({ entityId: p.entityId, role: p.role })).sort(byEntityThenRole),
      ...deletionState(event),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(Event, { id }, { ...fieldsOf(state), ...deletionColumns(state) });
    await manager.delete(EventParticipant, { eventId: id });
    if (state.participants.length > 0) await manager.insert(EventParticipant, state.participants.map((p) => ({ ...p, eventId: id })));
  },
  hydrate(meta, state) {
    return Object.assign(new Event(), fieldsOf(state), recordColumns(meta, state));
  },
};
