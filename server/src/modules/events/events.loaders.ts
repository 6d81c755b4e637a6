import { type EntityManager, In } from 'typeorm';

import { CURSOR_PROPERTIES } from '../../core/paging/connection.js';
import { manyByKey, oneByKey } from '../../core/sql/batch.js';
import { type Include, type PageReading } from '../../core/sql/preload.js';
import { projection } from '../../core/sql/projection.js';
import { nodeSelection, type Selection } from '../../core/sql/selection.js';
import { Event, EventParticipant } from './event.entity.js';
import { EventType } from './event-type.entity.js';

interface Related {
  includeClaimsOfEvents(selection: Selection): Include<{ id: string }>;
  includeEvidence(owner: 'event_id', selection: Selection): Include<{ id: string }>;
}

export function createEventLoaders(manager: EntityManager, related: Related) {
  // Named as EventsService.list's query names its rows.
  const event = projection(manager, Event, 'event');
  return {
    /** A page of events as the query (its connection's selection) will read it: the columns asked for, and what they lead to. */
    eventPage: (connection: Selection): PageReading<Event> => {
      const selection = nodeSelection(connection);
      return {
        records: event.pick(selection, CURSOR_PROPERTIES),
        includes: [
          ...(selection.has('claims') ? [related.includeClaimsOfEvents(selection.get('claims')!)] : []),
          ...(selection.has('evidence') ? [related.includeEvidence('event_id', selection.get('evidence')!)] : []),
        ],
        readsPastPage: connection.has('pageInfo'),
      };
    },
    eventById: oneByKey(
      (ids: readonly string[]) => manager.findBy(Event, { id: In([...ids]) }),
      (event) => event.id,
    ),
    eventTypeByCode: oneByKey(
      (codes: readonly string[]) => manager.findBy(EventType, { code: In([...codes]) }),
      (type) => type.code,
    ),
    participantsByEventId: manyByKey(
      (ids: readonly string[]) =>
        manager.find(EventParticipant, { where: { eventId: In([...ids]) }, order: { role: 'ASC', entityId: 'ASC', label: 'ASC' } }),
      (participant) => participant.eventId,
    ),
    eventsByParentId: manyByKey(
      (ids: readonly string[]) => manager.find(Event, { where: { parentId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }),
      (event) => event.parentId!,
    ),
  };
}
