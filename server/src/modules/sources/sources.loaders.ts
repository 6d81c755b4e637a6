import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../core/loaders.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export function createSourceLoaders(manager: EntityManager) {
  return {
    sourceById: oneByKey(
      (ids: readonly string[]) => manager.findBy(Source, { id: In([...ids]) }),
      (source) => source.id,
    ),
    sourceRevisionById: oneByKey(
      (ids: readonly string[]) => manager.findBy(SourceRevision, { id: In([...ids]) }),
      (revision) => revision.id,
    ),
    /** Every snapshot of each source, oldest first; the last is the current text. */
    sourceRevisionsBySourceId: manyByKey(
      (ids: readonly string[]) => manager.find(SourceRevision, { where: { sourceId: In([...ids]) }, order: { number: 'ASC' } }),
      (revision) => revision.sourceId,
    ),
  };
}
