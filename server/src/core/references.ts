import type { EntityManager } from 'typeorm';

import { BadInputError, type FieldProblem } from './errors.js';
import { preparedQuery } from './sql/prepared.js';

/** A uuid as PostgreSQL writes one; only such a string can have equalled an id's text. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An input field naming a record that must exist and not be deleted: by id, or by another column (`code`). */
export interface Reference {
  field: string;
  table: string;
  id: string | null | undefined;
  column?: string;
}

/**
 * Checks references. A write that runs its own statements checks them at once; the one-statement edit collects
 * them into its statement, and reports them as `requireReferences` would.
 */
export type ReferenceCheck = (references: Reference[]) => Promise<void>;

/** A row of the lookups' statement: one record found, and where it was merged to. */
export interface FoundReference {
  lookup: number;
  key: string;
  merged_into: string | null;
}

/** The statement that finds the records referenced, and what its rows say of each input field. */
export interface ReferenceLookups {
  sql: string;
  values: unknown[];
  /** How many distinct (lookup, key) pairs must be found, none merged, for every reference to hold. */
  expected: number;
  problems(rows: FoundReference[]): FieldProblem[];
}

/** Builds the lookups of `references`, numbering their parameters from `firstParameter`; null when none names a record. */
export function referenceLookups(references: Reference[], firstParameter = 1): ReferenceLookups | null {
  const wanted = references.filter((ref): ref is Reference & { id: string } => Boolean(ref.id));
  const byTable = new Map<string, typeof wanted>();
  for (const ref of wanted) {
    const key = `${ref.table}.${ref.column ?? 'id'}`;
    byTable.set(key, [...(byTable.get(key) ?? []), ref]);
  }
  if (byTable.size === 0) return null;
  // One statement for every table referenced: a round trip costs more than the lookups themselves.
  const lookups = [...byTable].map(([key, refs], i) => {
    const [table, column] = key.split('.') as [string, string];
    // A merged entity is a redirect: new references go to the entity it was merged into.
    const merged = table === 'entities' ? '"merged_into_id"::text' : 'NULL::text';
    // Ids are compared as uuids, so the primary key's index finds them; a string that is not one matches nothing.
    const byId = column === 'id';
    const parameter = `$${firstParameter + i}`;
    return {
      table,
      refs,
      sql: byId
        ? `SELECT ${i} AS lookup, "id"::text AS key, ${merged} AS merged_into FROM "${table}" WHERE "id" = ANY(${parameter}::uuid[]) AND "deleted_at" IS NULL`
        : `SELECT ${i} AS lookup, "${column}"::text AS key, ${merged} AS merged_into FROM "${table}" WHERE "${column}"::text = ANY(${parameter}::text[]) AND "deleted_at" IS NULL`,
      values: refs.map((ref) => ref.id).filter((id) => !byId || UUID.test(id)),
    };
  });
  return {
    sql: lookups.map((lookup) => lookup.sql).join(' UNION ALL '),
    values: lookups.map((lookup) => lookup.values),
    expected: lookups.reduce((sum, lookup) => sum + new Set(lookup.refs.map((ref) => ref.id)).size, 0),
    problems(rows) {
      const problems: FieldProblem[] = [];
      for (const [i, { table, refs }] of lookups.entries()) {
        const found = new Map(rows.filter((row) => row.lookup === i).map((row) => [row.key, row.merged_into]));
        for (const ref of refs) {
          if (!found.has(ref.id)) problems.push({ field: ref.field, message: `no ${table.replace(/_/g, ' ')} record ${ref.id}` });
          else if (found.get(ref.id)) problems.push({ field: ref.field, message: `was merged into ${found.get(ref.id)}: use that` });
        }
      }
      return problems;
    },
  };
}

/**
 * Checks that each referenced record exists and is not deleted, naming the input field of any that is not:
 * a foreign key would refuse it too, but as an internal error a client cannot act on.
 */
export async function requireReferences(manager: EntityManager, references: Reference[]): Promise<void> {
  const lookups = referenceLookups(references);
  if (!lookups) return;
  const problems = lookups.problems(await preparedQuery<FoundReference>(manager, lookups.sql, lookups.values));
  if (problems.length > 0) throw new BadInputError(problems);
}

/** The check a write inside its own transaction makes: at once, on the transaction's connection. */
export const checkReferencesIn =
  (manager: EntityManager): ReferenceCheck =>
  (references) =>
    requireReferences(manager, references);
