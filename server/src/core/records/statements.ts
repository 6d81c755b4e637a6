/**
 * The SQL a declared kind of record is read and written with, built from its table's shape alone (no database),
 * so that every kind's create and update are one statement each, and the same statement for both but the row.
 */

/** A column, by its name in SQL, with the type its parameters are cast to. */
export interface PlannedColumn {
  /** The state's (or the link row's) property. */
  property: string;
  name: string;
  sqlType: string;
  /** A link column that may be null: its rows are then matched null-safely, and the state leaves it out when null. */
  nullable?: boolean;
}

/** A link table: rows naming the record in `owner`, each holding the values of one element of a state's list. */
export interface PlannedLink {
  /** The state's property holding the list. */
  property: string;
  table: string;
  owner: string;
  /** One column for a list of ids, several for a list of objects; the list is sorted by them, in order. */
  values: readonly PlannedColumn[];
  /** A list of the first value alone (ids), not of objects. */
  single: boolean;
}

/** A part of the state that the record's write does not change, read beside its row (a source's current text). */
export interface PlannedReadOnly {
  property: string;
  /** One value, from the record's row aliased `alias`; `id` is the record's id as SQL reads it. */
  sql(alias: string, id: string): string;
}

export interface TablePlan {
  table: string;
  alias: string;
  /** The row's columns as the record's projection selects them, aliased `alias`. */
  select: string;
  /** The columns the state is written to: its fields' and the deletion's. */
  columns: readonly PlannedColumn[];
  /** Columns a create writes besides the state, never written again by the write path (a password's hash). */
  createOnly: readonly PlannedColumn[];
  links: readonly PlannedLink[];
  readOnly: readonly PlannedReadOnly[];
}

const quoted = (name: string) => `"${name}"`;

const hasNullable = (link: PlannedLink) => link.values.some((value) => value.nullable);

/** The value a link's list reads as: text ids, or json objects keyed by the state's property names, nulls left out. */
function linkValue(link: PlannedLink, from: string): string {
  if (link.single) return `${from}.${quoted(link.values[0]!.name)}::text`;
  const object = `json_build_object(${link.values.map((value) => `'${value.property}', ${from}.${quoted(value.name)}`).join(', ')})`;
  return hasNullable(link) ? `json_strip_nulls(${object})` : object;
}

/** A link's whole list as one value, from the rows `rows` selects (aliased `l`). */
function linkList(link: PlannedLink, rows: string): string {
  if (link.single) return `ARRAY(SELECT ${linkValue(link, 'l')} FROM (${rows}) l)`;
  return `coalesce((SELECT json_agg(${linkValue(link, 'l')}) FROM (${rows}) l), '[]')`;
}

const valueColumns = (link: PlannedLink) => link.values.map((value) => quoted(value.name)).join(', ');

/**
 * Whether a row of the link table is among the rows `given` selects: a row comparison where no column may be
 * null, and where one may, a null-safe one (a row comparison with a null in it is neither true nor false).
 */
function amongGiven(link: PlannedLink, given: string, among: boolean): string {
  if (!hasNullable(link)) return `(${valueColumns(link)}) ${among ? 'IN' : 'NOT IN'} (${given})`;
  const table = quoted(link.table);
  const same = link.values.map((value) => `g.${quoted(value.name)} IS NOT DISTINCT FROM ${table}.${quoted(value.name)}`).join(' AND ');
  return `${among ? '' : 'NOT '}EXISTS (SELECT 1 FROM (${given}) g(${valueColumns(link)}) WHERE ${same})`;
}

/** Reads a record's whole state: its row, each link's list and each read-only part; the record's id is $1. */
export function stateQuerySql(plan: TablePlan): string {
  const a = quoted(plan.alias);
  const parts = [
    plan.select,
    ...plan.links.map(
      (link) =>
        `${linkList(link, `SELECT ${valueColumns(link)} FROM ${quoted(link.table)} WHERE ${quoted(link.owner)} = ${a}."id"`)} AS ${quoted(link.property)}`,
    ),
    ...plan.readOnly.map((part) => `${part.sql(plan.alias, `${a}."id"`)} AS ${quoted(part.property)}`),
  ];
  return `SELECT ${parts.join(',\n       ')}\n  FROM ${quoted(plan.table)} ${a} WHERE ${a}."id" = $1`;
}

/**
 * The parameters a write statement takes, in order: the id, each link's columns as arrays (its elements' values,
 * column by column), then for a create the time it is made at, then each column's value.
 */
export function writeParameters(
  plan: TablePlan,
  mode: 'create' | 'update',
  id: string,
  state: Readonly<Record<string, unknown>>,
  at: Date,
  columnValue: (column: PlannedColumn) => unknown,
): unknown[] {
  const links = plan.links.flatMap((link) => {
    const list = state[link.property] as unknown[];
    if (link.single) return [list];
    return link.values.map((value) => list.map((element) => (element as Record<string, unknown>)[value.property] ?? null));
  });
  return [
    id,
    ...links,
    ...(mode === 'create' ? [at, ...plan.columns.map(columnValue), ...plan.createOnly.map(columnValue)] : plan.columns.map(columnValue)),
  ];
}

/**
 * Writes a record's row and makes each link table hold exactly the state's rows, in one statement that answers
 * the state as written (the row as its projection selects it, each link's list under the state's name).
 *
 * An update deletes the link rows the state no longer has and adds the new ones. The statement's own reads see
 * the tables as they were before it, so the list it answers is worked out from the rows it keeps and the rows it
 * adds. A create inserts the row (version 1, made and written at the time given) and every link row; the link
 * rows' foreign keys to the new row are checked at the end of the statement, once the row is there.
 */
export function writeStatementSql(plan: TablePlan, mode: 'create' | 'update'): string {
  const a = quoted(plan.alias);
  let parameter = 1;
  const linkParameters = plan.links.map((link) => link.values.map((value) => `$${++parameter}::${value.sqlType}[]`));
  const at = mode === 'create' ? `$${++parameter}` : null;
  const written = mode === 'create' ? [...plan.columns, ...plan.createOnly] : plan.columns;
  const columnParameters = written.map(() => `$${++parameter}`);
  const row =
    mode === 'create'
      ? `INSERT INTO ${quoted(plan.table)} AS ${a} ("id", "created_at", "updated_at", ${written.map((column) => quoted(column.name)).join(', ')})
         VALUES ($1, ${at}, ${at}, ${columnParameters.join(', ')}) RETURNING ${plan.select}`
      : `UPDATE ${quoted(plan.table)} AS ${a} SET ${plan.columns.map((column, i) => `${quoted(column.name)} = ${columnParameters[i]}`).join(', ')} WHERE "id" = $1 RETURNING ${plan.select}`;
  const ctes = [`written AS (${row})`];
  const answers: string[] = [];
  plan.links.forEach((link, i) => {
    const columns = valueColumns(link);
    const given = `SELECT * FROM unnest(${linkParameters[i]!.join(', ')})`;
    const owned = `${quoted(link.table)} WHERE ${quoted(link.owner)} = $1`;
    if (mode === 'update') ctes.push(`link${i}_gone AS (DELETE FROM ${owned} AND ${amongGiven(link, given, false)})`);
    ctes.push(
      `link${i}_new AS (INSERT INTO ${quoted(link.table)} (${quoted(link.owner)}, ${columns}) SELECT $1, * FROM (${given}) given ON CONFLICT DO NOTHING RETURNING ${columns})`,
    );
    const rows =
      mode === 'update'
        ? `SELECT ${columns} FROM ${owned} AND ${amongGiven(link, given, true)} UNION ALL SELECT ${columns} FROM link${i}_new`
        : `SELECT ${columns} FROM link${i}_new`;
    answers.push(`${linkList(link, rows)} AS ${quoted(link.property)}`);
  });
  for (const part of plan.readOnly) answers.push(`${part.sql('written', '$1')} AS ${quoted(part.property)}`);
  return `WITH ${ctes.join(',\n     ')}\nSELECT written.*${answers.map((answer) => `,\n       ${answer}`).join('')}\n  FROM written`;
}

/** The revision's columns an edit statement writes from its parameters, in their order; the id and version are the record's. */
export const EDIT_REVISION_COLUMNS = [
  'record_type',
  'operation',
  'changes',
  'state',
  'reason',
  'actor',
  'actor_user_id',
  'request_id',
  'created_at',
  'prev_hash',
  'hash',
] as const;

/** The references an edit must find, as a statement over parameters of its own: rows of (lookup, key, merged_into). */
export interface EditReferences {
  sql: string;
  /** The parameter holding how many distinct (lookup, key) pairs must be found, none of them merged away. */
  expected: string;
}

/**
 * An existing record's whole edit as one statement: the reference check, the version bump (only from the version
 * expected, which is what orders the writers of one record), the row and link rows written to the state, and the
 * revision appended. It answers only what the caller cannot know before: the row's version and times and the
 * revision's id (the state written is the settled state the revision holds, which the caller has). Nothing is
 * written unless the version is the one expected and every reference is found; the answer is then one row of
 * nulls but the references found.
 *
 * Parameters: those of `writeParameters(plan, 'update', …)`, then from `first` the version expected and the
 * revision's EDIT_REVISION_COLUMNS, then the references' own.
 */
export function editStatementSql(plan: TablePlan, first: number, references: EditReferences | null): string {
  const a = quoted(plan.alias);
  let parameter = 1;
  const linkParameters = plan.links.map((link) => link.values.map((value) => `$${++parameter}::${value.sqlType}[]`));
  const columnParameters = plan.columns.map(() => `$${++parameter}`);
  const expectedVersion = `$${first}::int`;
  const revisionParameters = EDIT_REVISION_COLUMNS.map(
    (column, i) => `$${first + 1 + i}${column === 'changes' || column === 'state' ? '::jsonb' : ''}`,
  );
  const found = references
    ? `(SELECT count(DISTINCT (lookup, key)) FROM found WHERE merged_into IS NULL) = ${references.expected}`
    : 'true';
  const written = 'EXISTS (SELECT 1 FROM written)';
  const ctes = [
    ...(references ? [`found AS (${references.sql})`] : []),
    `written AS (UPDATE ${quoted(plan.table)} AS ${a} SET "version" = ${a}."version" + 1, "updated_at" = now(), ${plan.columns
      .map((column, i) => `${quoted(column.name)} = ${columnParameters[i]}`)
      .join(
        ', ',
      )} WHERE ${a}."id" = $1 AND ${a}."version" = ${expectedVersion} AND ${found} RETURNING ${a}."version", ${a}."created_at" AS "createdAt", ${a}."updated_at" AS "updatedAt")`,
  ];
  const answers: string[] = [];
  plan.links.forEach((link, i) => {
    const columns = valueColumns(link);
    const given = `SELECT * FROM unnest(${linkParameters[i]!.join(', ')})`;
    const owned = `${quoted(link.table)} WHERE ${quoted(link.owner)} = $1`;
    ctes.push(`link${i}_gone AS (DELETE FROM ${owned} AND ${amongGiven(link, given, false)} AND ${written})`);
    ctes.push(
      `link${i}_new AS (INSERT INTO ${quoted(link.table)} (${quoted(link.owner)}, ${columns}) SELECT $1, * FROM (${given}) given WHERE ${written} ON CONFLICT DO NOTHING)`,
    );
  });
  ctes.push(
    `appended AS (INSERT INTO "revisions" ("record_id", "version", ${EDIT_REVISION_COLUMNS.map(quoted).join(', ')})
       SELECT $1, ${expectedVersion} + 1, ${revisionParameters.join(', ')} FROM written RETURNING "id")`,
  );
  answers.push(`(SELECT "id" FROM appended) AS "revisionId"`);
  if (references) answers.push(`(SELECT json_agg(found) FROM found) AS "foundReferences"`);
  return `WITH ${ctes.join(',\n     ')}\nSELECT written.*${answers.map((answer) => `,\n       ${answer}`).join('')}\n  FROM (SELECT) AS one LEFT JOIN written ON true`;
}
