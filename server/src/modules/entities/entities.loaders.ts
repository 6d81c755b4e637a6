import { In, type EntityManager } from 'typeorm';
import { oneByKey } from '../../core/loaders.js';
import { EntityRecord } from './entity.entity.js';

export function createEntityLoaders(manager: EntityManager) {
  return {
    entityById: oneByKey(
      (ids: readonly string[]) => manager.findBy(EntityRecord, { id: In([...ids]) }),
      (entity) => entity.id,
    ),
  };
}
