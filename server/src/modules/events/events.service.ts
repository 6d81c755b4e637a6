import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { DatePrecision } from '../../core/dates/precision.js';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type PageRequest } from '../../core/paging/connection.js';
import { requireReferences } from '../../core/references.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { ReviewStatus } from '../review/review.enums.js';
import { canSee, visibleOnly } from '../review/visibility.js';
import type { Viewer } from '../users/viewer.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';
import { EventModality, ParticipantRole } from './events.enums.js';
import { EventRecord, EventTypeRecord, type EventState, type EventTypeState } from './events.state.js';

export interface CreateEventTypeInput {
  id?: string;
  code: string;
  label: string;
  description?: string | null;
  reason?: string | null;
}

export interface CreateEventInput {
  id?: string;
  title: string;
  type: string;
  summary?: string | null;
  startDate?: string | null;
  startPrecision?: DatePrecision | null;
  endDate?: string | null;
  endPrecision?: DatePrecision | null;
  timeExpression?: string | null;
  placeId?: string | null;
  parentId?: string | null;
  modality: EventModality;
  participants?: Array<{ entityId: string; role: ParticipantRole }>;
  reason?: string | null;
}

const EVENT_TYPE_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export class EventsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(viewer: Viewer, id: string): Promise<Event | null> {
    const event = await this.dataSource.manager.findOneBy(Event, { id: requireId(id) });
    return canSee(viewer, event, { byId: true }) ? event : null;
  }

  list(viewer: Viewer, page: PageRequest): Promise<Connection<Event>> {
    return paginate(visibleOnly(viewer, this.dataSource.getRepository(Event).createQueryBuilder('event')), page);
  }

  listTypes(): Promise<EventType[]> {
    return this.dataSource.manager.find(EventType, { where: { deletedAt: IsNull() }, order: { code: 'ASC' } });
  }

  async createType(context: WriteContext, input: CreateEventTypeInput, manager: EntityManager = this.dataSource.manager): Promise<Written<EventTypeState>> {
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
    return new RecordWriter(manager).create(context, EventTypeRecord, row.id, input.reason ?? null, async (tx) => {
      await tx.insert(EventType, { ...row, createdAt: now, updatedAt: now });
    });
  }

  /** Creates an event with its participants, as a DRAFT for review. */
  async create(context: WriteContext, input: CreateEventInput, manager: EntityManager = this.dataSource.manager): Promise<Written<EventState>> {
    const check = new InputCheck();
    const start = check.datedAt('startDate', input.startDate, input.startPrecision);
    const end = check.datedAt('endDate', input.endDate, input.endPrecision);
    if (end.date && !start.date) check.fail('endDate', 'needs a start date');
    if (end.date && start.date && end.date < start.date) check.fail('endDate', 'must not be before the start date');
    const participants = (input.participants ?? []).map((p, i) => ({
      entityId: check.id(`participants[${i}].entityId`, p.entityId),
      role: check.oneOf(`participants[${i}].role`, p.role, ParticipantRole),
    }));
    const seen = new Set<string>();
    participants.forEach((p, i) => {
      const key = `${p.entityId}/${p.role}`;
      if (seen.has(key)) check.fail(`participants[${i}]`, 'names the same entity in the same role twice');
      seen.add(key);
    });
    const row = {
      id: input.id ?? newId(),
      title: check.text('title', input.title, { max: 500 }),
      typeCode: check.text('type', input.type, { max: 40 }),
      summary: check.optionalText('summary', input.summary, { max: 10000 }),
      startDate: start.date,
      startPrecision: start.precision,
      endDate: end.date,
      endPrecision: end.precision,
      timeExpression: check.optionalText('timeExpression', input.timeExpression, { max: 300 }),
      placeId: input.placeId ? check.id('placeId', input.placeId) : null,
      parentId: input.parentId ? check.id('parentId', input.parentId) : null,
      modality: check.oneOf('modality', input.modality, EventModality),
      status: ReviewStatus.DRAFT,
    };
    check.done();

    const now = new Date();
    return new RecordWriter(manager).create(context, EventRecord, row.id, input.reason ?? null, async (tx) => {
      await requireReferences(tx, [
        { field: 'type', table: 'event_types', column: 'code', id: row.typeCode },
        { field: 'placeId', table: 'entities', id: row.placeId },
        { field: 'parentId', table: 'events', id: row.parentId },
        ...participants.map((p, i) => ({ field: `participants[${i}].entityId`, table: 'entities', id: p.entityId })),
      ]);
      await tx.insert(Event, { ...row, createdAt: now, updatedAt: now });
      if (participants.length > 0) await tx.insert(EventParticipant, participants.map((p) => ({ ...p, eventId: row.id })));
    });
  }
}
