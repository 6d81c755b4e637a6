import type { EntityManager } from 'typeorm';

import { BadInputError, type FieldProblem } from './errors.js';
import { preparedQuery } from './sql/prepared.js';

/** A uuid as PostgreSQL writes one; only such a string can have equalled an id's text. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  if (byTable.size === 0) return;
  // One statement for every table referenced: a round trip costs more than the lookups themselves.
  const lookups = [...byTable].map(([key, refs], i) => {
    const [table, column] = key.split('.') as [string, string];
    // A merged entity is a redirect: new references go to the entity it was merged into.
    const merged = table === 'entities' ? '"merged_into_id"::text' : 'NULL::text';
    // Ids are compared as uuids, so the primary key's index finds them; a string that is not one matches nothing.
    const byId = column === 'id';
    return {
      table,
      refs,
      sql: byId
        ? `SELECT ${i} AS lookup, "id"::text AS key, ${merged} AS merged_into FROM "${table}" WHERE "id" = ANY($${i + 1}::uuid[]) AND "deleted_at" IS NULL`
        : `SELECT ${i} AS lookup, "${column}"::text AS key, ${merged} AS merged_into FROM "${table}" WHERE "${column}"::text = ANY($${i + 1}::text[]) AND "deleted_at" IS NULL`,
      values: refs.map((ref) => ref.id).filter((id) => !byId || UUID.test(id)),
    };
  });
  const rows = await preparedQuery<{ lookup: number; key: string; merged_into: string | null }>(
    manager,
    lookups.map((lookup) => lookup.sql).join(' UNION ALL '),
    lookups.map((lookup) => lookup.values),
  );
  for (const [i, { table, refs }] of lookups.entries()) {
    const found = new Map(rows.filter((row) => row.lookup === i).map((row) => [row.key, row.merged_into]));
    for (const ref of refs) {
      if (!found.has(ref.id)) problems.push({ field: ref.field, message: `no ${table.replace(/_/g, ' ')} record ${ref.id}` });
      else if (found.get(ref.id)) problems.push({ field: ref.field, message: `was merged into ${found.get(ref.id)}: use that` });
    }
  }
  if (problems.length > 0) throw new BadInputError(problems);
}
