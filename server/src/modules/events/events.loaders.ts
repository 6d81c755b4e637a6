import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../core/loaders.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';

export function createEventLoaders(manager: EntityManager) {
  return {
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
