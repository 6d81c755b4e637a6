import type { EntityManager } from 'typeorm';

import { oneByKey } from '../../core/sql/batch.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import { EntityRecord } from './entity.entity.js';

export function createEntityLoaders(manager: EntityManager) {
  const entity = projection(manager, EntityRecord, 'n');
  return {
    entityById: oneByKey(
      async (ids: readonly string[]) =>
        (await preparedQuery(manager, `SELECT ${entity.select} FROM entities n WHERE n.id = ANY($1)`, [ids])).map(entity.hydrate),
      (found) => found.id,
    ),
  };
}
