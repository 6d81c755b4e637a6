import type { EntityManager } from 'typeorm';
import type { RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';

export interface EventTypeState extends Record<string, unknown> {
  code: string;
  label: string;
  description: string | null;
  deletedAt: string | null;
  deleteReason: string | null;
}

export const EventTypeRecord: RecordKind<EventTypeState> = {
  recordType: RecordType.EVENT_TYPE,
  table: 'event_types',
  async loadState(manager: EntityManager, id: string) {
    const type = await manager.findOneBy(EventType, { id });
    if (!type) return null;
    return {
      code: type.code,
      label: type.label,
      description: type.description,
      deletedAt: type.deletedAt?.toISOString() ?? null,
      deleteReason: type.deleteReason,
    };
  },
};

export interface EventState extends Record<string, unknown> {
  title: string;
  type: string;
  summary: string | null;
  start: { date: string; precision: string } | null;
  end: { date: string; precision: string } | null;
  timeExpression: string | null;
  placeId: string | null;
  parentId: string | null;
  modality: string;
  status: string;
  participants: Array<{ entityId: string; role: string }>;
  deletedAt: string | null;
  deleteReason: string | null;
}

export const EventRecord: RecordKind<EventState> = {
  recordType: RecordType.EVENT,
  table: 'events',
  async loadState(manager: EntityManager, id: string) {
    const event = await manager.findOneBy(Event, { id });
    if (!event) return null;
    const participants = await manager.find(EventParticipant, { where: { eventId: id }, order: { entityId: 'ASC', role: 'ASC' } });
    return {
      title: event.title,
      type: event.typeCode,
      summary: event.summary,
      start: event.startDate && event.startPrecision ? { date: event.startDate, precision: event.startPrecision } : null,
      end: event.endDate && event.endPrecision ? { date: event.endDate, precision: event.endPrecision } : null,
      timeExpression: event.timeExpression,
      placeId: event.placeId,
      parentId: event.parentId,
      modality: event.modality,
      status: event.status,
      participants: participants.map((p) => ({ entityId: p.entityId, role: p.role })),
      deletedAt: event.deletedAt?.toISOString() ?? null,
      deleteReason: event.deleteReason,
    };
  },
};
