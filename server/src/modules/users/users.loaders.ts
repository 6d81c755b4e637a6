import { type EntityManager, In } from 'typeorm';

import { oneByKey } from '../../core/sql/batch.js';
import { ApiKey } from './api-key.entity.js';
import { User } from './user.entity.js';

export function createUserLoaders(manager: EntityManager) {
  return {
    userById: oneByKey(
      (ids: readonly string[]) => manager.findBy(User, { id: In([...ids]) }),
      (user) => user.id,
    ),
    apiKeyById: oneByKey(
      (ids: readonly string[]) => manager.findBy(ApiKey, { id: In(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id))) }),
      (key) => key.id,
    ),
  };
}
