import type { EntityManager } from 'typeorm';
import { BadInputError, type FieldProblem } from './errors.js';

/**
 * Checks that each referenced record exists and is not deleted, naming the input field of any that is not:
 * a foreign key would refuse it too, but as an internal error a client cannot act on.
 */
export async function requireReferences(
  manager: EntityManager,
  references: Array<{ field: string; table: string; id: string | null | undefined; column?: string }>,
): Promise<void> {
  const wanted = references.filter((ref): ref is typeof ref & { id: string } => Boolean(ref.id));
  const problems: FieldProblem[] = [];
  const byTable = new Map<string, typeof wanted>();
  for (const ref of wanted) {
    const key = `${ref.table}.${ref.column ?? 'id'}`;
    byTable.set(key, [...(byTable.get(key) ?? []), ref]);
  }
  for (const [key, refs] of byTable) {
    const [table, column] = key.split('.') as [string, string];
    // A merged entity is a redirect: new references go to the entity it was merged into.
    const merged = table === 'entities' ? ', "merged_into_id"::text AS merged_into' : ', NULL AS merged_into';
    const rows = (await manager.query(
      `SELECT "${column}"::text AS key${merged} FROM "${table}" WHERE "${column}"::text = ANY($1) AND "deleted_at" IS NULL`,
      [refs.map((ref) => ref.id)],
    )) as Array<{ key: string; merged_into: string | null }>;
    const found = new Map(rows.map((row) => [row.key, row.merged_into]));
    for (const ref of refs) {
      if (!found.has(ref.id)) problems.push({ field: ref.field, message: `no ${table.replace(/_/g, ' ')} record ${ref.id}` });
      else if (found.get(ref.id)) problems.push({ field: ref.field, message: `was merged into ${found.get(ref.id)}: use that` });
    }
  }
  if (problems.length > 0) throw new BadInputError(problems);
}
