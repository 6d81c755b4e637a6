import { In, IsNull, type EntityManager } from 'typeorm';
import { manyByKey } from '../../core/loaders.js';
import { Evidence } from './evidence.entity.js';

const order = { startPos: 'ASC', id: 'ASC' } as const;

export function createEvidenceLoaders(manager: EntityManager) {
  return {
    evidenceByClaimId: manyByKey(
      (ids: readonly string[]) => manager.find(Evidence, { where: { claimId: In([...ids]), deletedAt: IsNull() }, order }),
      (evidence) => evidence.claimId!,
    ),
    evidenceByEventId: manyByKey(
      (ids: readonly string[]) => manager.find(Evidence, { where: { eventId: In([...ids]), deletedAt: IsNull() }, order }),
      (evidence) => evidence.eventId!,
    ),
  };
}
