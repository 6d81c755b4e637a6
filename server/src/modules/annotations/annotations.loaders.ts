import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

export function createAnnotationLoaders(manager: EntityManager) {
  return {
    annotationReplyCount: new DataLoader<string, number>(async (ids) => {
      const rows: Array<{ parent_id: string; replies: number }> = await manager.query(
        `SELECT parent_id, count(*)::int AS replies FROM annotations WHERE parent_id = ANY($1) AND deleted_at IS NULL GROUP BY parent_id`,
        [[...ids]],
      );
      const counts = new Map(rows.map((row) => [row.parent_id, row.replies]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
