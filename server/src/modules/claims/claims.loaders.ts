import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../core/loaders.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Claim, ClaimEntity, ClaimEvent, ClaimLink } from './claim.entity.js';

/** Resolves a many-to-many link table in two statements whatever the batch: the links, then their targets. */
async function throughLinks<L, T extends { id: string }>(
  links: L[],
  from: (link: L) => string,
  to: (link: L) => string,
  fetchTargets: (ids: string[]) => Promise<T[]>,
): Promise<Array<{ key: string; target: T }>> {
  if (links.length === 0) return [];
  const linksByTarget = new Map<string, L[]>();
  for (const link of links) linksByTarget.set(to(link), [...(linksByTarget.get(to(link)) ?? []), link]);
  // Emitted in the order the targets were fetched, so each key's list keeps that order.
  return (await fetchTargets([...linksByTarget.keys()])).flatMap((target) =>
    (linksByTarget.get(target.id) ?? []).map((link) => ({ key: from(link), target })),
  );
}

export function createClaimLoaders(manager: EntityManager) {
  const many = <T>(fetch: (ids: readonly string[]) => Promise<Array<{ key: string; target: T }>>) =>
    manyByKey(fetch, (row) => row.key);
  const targetsOf = <T>(loader: ReturnType<typeof many<T>>) => ({
    load: async (id: string): Promise<T[]> => (await loader.load(id)).map((row) => row.target),
  });

  const claimsByEvent = many(async (ids) =>
    throughLinks(
      await manager.find(ClaimEvent, { where: { eventId: In([...ids]) } }),
      (link) => link.eventId,
      (link) => link.claimId,
      (claimIds) => manager.find(Claim, { where: { id: In(claimIds) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ),
  );
  const eventsByClaim = many(async (ids) =>
    throughLinks(
      await manager.find(ClaimEvent, { where: { claimId: In([...ids]) } }),
      (link) => link.claimId,
      (link) => link.eventId,
      (eventIds) => manager.find(Event, { where: { id: In(eventIds) }, order: { startDate: 'ASC', id: 'ASC' } }),
    ),
  );
  const entitiesByClaim = many(async (ids) =>
    throughLinks(
      await manager.find(ClaimEntity, { where: { claimId: In([...ids]) } }),
      (link) => link.claimId,
      (link) => link.entityId,
      (entityIds) => manager.find(EntityRecord, { where: { id: In(entityIds) }, order: { name: 'ASC', id: 'ASC' } }),
    ),
  );

  return {
    claimById: oneByKey(
      (ids: readonly string[]) => manager.findBy(Claim, { id: In([...ids]) }),
      (claim) => claim.id,
    ),
    claimsByEventId: targetsOf(claimsByEvent),
    eventsByClaimId: targetsOf(eventsByClaim),
    entitiesByClaimId: targetsOf(entitiesByClaim),
    linksByClaimId: manyByKey(
      (ids: readonly string[]) => manager.find(ClaimLink, { where: { fromClaimId: In([...ids]) }, order: { type: 'ASC' } }),
      (link) => link.fromClaimId,
    ),
  };
}
