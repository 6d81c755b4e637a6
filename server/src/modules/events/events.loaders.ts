import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey, type Include } from '../../core/loaders.js';
import type { Selection } from '../../core/selection.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';

interface Related {
  includeClaimsOfEvents(selection: Selection): Include<{ id: string }>;
  includeEvidence(owner: 'event_id', selection: Selection): Include<{ id: string }>;
}

export function createEventLoaders(manager: EntityManager, related: Related) {
  return {
    /** What each event of a page will be asked for, read in the page's statement. */
    eventIncludes: (selection: Selection): Array<Include<Event>> => [
      ...(selection.has('claims') ? [related.includeClaimsOfEvents(selection.get('claims')!)] : []),
      ...(selection.has('evidence') ? [related.includeEvidence('event_id', selection.get('evidence')!)] : []),
    ],
    eventById: oneByKey(
      (ids: readonly string[]) => manager.findBy(Event, { id: In([...ids]) }),
      (event) => event.id,
    ),
    eventTypeByCode: oneByKey(
      (codes: readonly string[]) => manager.findBy(EventType, { code: In([...codes]) }),
      (type) => type.code,
    ),
    participantsByEventId: manyByKey(
      (ids: readonly string[]) => manager.find(EventParticipant, { where: { eventId: In([...ids]) }, order: { role: 'ASC' } }),
      (participant) => participant.eventId,
    ),
    eventsByParentId: manyByKey(
      (ids: readonly string[]) => manager.find(Event, { where: { parentId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }),
      (event) => event.parentId!,
    ),
  };
}
