import { In, type EntityManager } from 'typeorm';
import { oneByKey } from '../../core/loaders.js';
import { User } from './user.entity.js';

export function createUserLoaders(manager: EntityManager) {
  return {
    userById: oneByKey(
      (ids: readonly string[]) => manager.findBy(User, { id: In([...ids]) }),
      (user) => user.id,
    ),
  };
}
