import { type EntityManager, In } from 'typeorm';

import { CURSOR_PROPERTIES } from '../../core/paging/connection.js';
import { manyByKey, oneByKey } from '../../core/sql/batch.js';
import { type Include, type PageReading, preload } from '../../core/sql/preload.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import { nodeSelection, NOTHING, type Selection, withFields } from '../../core/sql/selection.js';
import { VISIBILITY_PROPERTIES } from '../../core/visibility/visibility.js';
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

interface Related {
  includeEvidence(owner: 'claim_id', selection: Selection): Include<{ id: string }>;
}

export function createClaimLoaders(manager: EntityManager, related: Related) {
  const many = <T>(fetch: (ids: readonly string[]) => Promise<Array<{ key: string; target: T }>>) => manyByKey(fetch, (row) => row.key);
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

  // Named as ClaimsService.list's query names its rows.
  const page = projection(manager, Claim, 'claim');
  const entity = projection(manager, EntityRecord, 'n');
  const includeClaimant = (selection: Selection, withName: boolean): Include<Claim> => {
    // deletedAt, so that a deleted claimant reads as its tombstone (seenThrough) however little is asked of it.
    const claimant = entity.pick(withName ? withFields(selection, 'name') : selection, ['deletedAt']);
    return {
      sql: (alias) => `(SELECT ${claimant.json} FROM entities n WHERE n.id = ${alias}.claimant_id)`,
      take(record, value) {
        preload(record, 'claimant', value ? claimant.fromJson(value as unknown[]) : null);
      },
    };
  };
  /** What each claim of a page will be asked for, read in the page's statement. */
  const claimIncludes = (selection: Selection): Array<Include<Claim>> => {
    const claimant = selection.get('claimant');
    const includes: Array<Include<Claim>> = [];
    if (claimant || selection.has('claimantName')) includes.push(includeClaimant(claimant ?? NOTHING, selection.has('claimantName')));
    if (selection.has('evidence')) includes.push(related.includeEvidence('claim_id', selection.get('evidence')!));
    return includes;
  };
  /** The claims of each event of a page, with what they will be asked for, as `claimsByEventId` would read them. */
  const includeClaimsOfEvents = (selection: Selection): Include<{ id: string }> => {
    const picked = claim.pick(selection, VISIBILITY_PROPERTIES);
    const nested = claimIncludes(selection);
    const columns = [picked.json, ...nested.map((include) => include.sql('"c"'))].join(', ');
    return {
      sql: (alias) =>
        `(SELECT coalesce(json_agg(json_build_array(${columns}) ORDER BY c.created_at, c.id), '[]') FROM claim_events l JOIN claims c ON c.id = l.claim_id WHERE l.event_id = ${alias}.id)`,
      take(event, value) {
        const claims = (value as Array<[unknown[], ...unknown[]]>).map(([row, ...values]) => {
          const target = picked.fromJson(row);
          nested.forEach((include, i) => include.take(target, values[i]));
          return target;
        });
        preload(event, 'claims', claims);
      },
    };
  };

  return {
    /** A page of claims as the query (its connection's selection) will read it: the columns asked for, and what they lead to. */
    claimPage: (connection: Selection): PageReading<Claim> => {
      const selection = nodeSelection(connection);
      return {
        records: page.pick(selection, CURSOR_PROPERTIES),
        includes: claimIncludes(selection),
        readsPastPage: connection.has('pageInfo'),
      };
    },
    includeClaimsOfEvents,
    claimById: oneByKey(
      async (ids: readonly string[]) =>
        (await preparedQuery(manager, `SELECT ${claim.select} FROM claims c WHERE c.id = ANY($1)`, [ids])).map(claim.hydrate),
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
