import type DataLoader from 'dataloader';
import { type EntityManager, In } from 'typeorm';

import { seesUnreviewed, type Viewer } from '../../core/access/viewer.js';
import { manyByKey, oneByKey } from '../../core/sql/batch.js';
import { readsAsTombstone } from '../../core/visibility/visibility.js';
import { Source } from './source.entity.js';
import { SourceRevision, sourceRevisionTombstone } from './source-revision.entity.js';

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
    /** The sources of each story, keyed by its first source: that one and those the import joined to it, oldest first. */
    sourcesByStoryId: manyByKey(
      (ids: readonly string[]) =>
        manager
          .createQueryBuilder(Source, 's')
          .where('COALESCE(s.story_id, s.id) IN (:...ids)', { ids: [...ids] })
          .andWhere('s.deleted_at IS NULL')
          .orderBy('s.created_at', 'ASC')
          .addOrderBy('s.id', 'ASC')
          .getMany(),
      (source) => source.storyId ?? source.id,
    ),
    /** Every snapshot of each source, oldest first; the last is the current text. */
    sourceRevisionsBySourceId: manyByKey(
      (ids: readonly string[]) => manager.find(SourceRevision, { where: { sourceId: In([...ids]) }, order: { number: 'ASC' } }),
      (revision) => revision.sourceId,
    ),
  };
}

/**
 * A text snapshot reached through a record the viewer may see: as it is, or with no text when its source is
 * deleted and the viewer is not staff (the snapshot's side of `seenThrough`).
 */
export async function snapshotSeenBy(
  viewer: Viewer,
  sourceById: DataLoader<string, Source | null>,
  revision: SourceRevision | null | undefined,
): Promise<SourceRevision | null> {
  if (!revision || seesUnreviewed(viewer)) return revision ?? null;
  const source = await sourceById.load(revision.sourceId);
  return !source || readsAsTombstone(viewer, source) ? sourceRevisionTombstone(revision) : revision;
}
