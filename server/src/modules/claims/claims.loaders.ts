import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey, preparedQuery, projection } from '../../core/loaders.js';
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

  const claim = projection(manager, Claim, 'c');
  // The claims of a page of events in one statement, the links joined to their claims, oldest claim first.
  const claimsByEvent = many(async (ids) =>
    (
      await preparedQuery(
        manager,
        `SELECT l.event_id AS "eventId", ${claim.select} FROM claim_events l JOIN claims c ON c.id = l.claim_id
          WHERE l.event_id = ANY($1) ORDER BY c.created_at, c.id`,
        [ids],
      )
    ).map((row) => ({ key: row.eventId as string, target: claim.hydrate(row) })),
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
      async (ids: readonly string[]) => (await preparedQuery(manager, `SELECT ${claim.select} FROM claims c WHERE c.id = ANY($1)`, [ids])).map(claim.hydrate),
      (found) => found.id,
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
