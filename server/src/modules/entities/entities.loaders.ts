import type { EntityManager } from 'typeorm';
import { oneByKey, preparedQuery, projection } from '../../core/loaders.js';
import { EntityRecord } from './entity.entity.js';

export function createEntityLoaders(manager: EntityManager) {
  const entity = projection(manager, EntityRecord, 'n');
  return {
    entityById: oneByKey(
      async (ids: readonly string[]) => (await preparedQuery(manager, `SELECT ${entity.select} FROM entities n WHERE n.id = ANY($1)`, [ids])).map(entity.hydrate),
      (found) => found.id,
    ),
  };
}
