import { type EntityManager, getMetadataArgsStorage } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

import type { VersionedRecord } from '../record.js';
import { type FoundReference, referenceLookups } from '../references.js';
import { canonicalJson } from '../revisions/canonical-json.js';
import { deletionColumns, deletionState, recordColumns } from '../revisions/deletable.js';
// Types only: the entities that declare kinds are imported by the revision log's own entity.
import type { DeletableState, EditOutcome, RecordEdit, RecordKind, RecordMeta, StateQuery } from '../revisions/record-writer.js';
import type { RecordType } from '../revisions/revisions.enums.js';
import { preparedQuery } from '../sql/prepared.js';
import { projection } from '../sql/projection.js';
import type { InputCheck } from '../validation.js';
import {
  type EditReferences,
  editStatementSql,
  type PlannedColumn,
  stateQuerySql,
  type TablePlan,
  writeParameters,
  writeStatementSql,
} from './statements.js';

/** What a kind says of one field of its state, a column of its row under the entity's property of the same name. */
export interface FieldDeclaration<V> {
  /** The value before any is given: a new record's, and what a state logged before the field existed reads as. */
  empty: V;
  /** Set by a workflow (review, import), never by an editor's input. */
  workflow?: true;
  /** A revert may set it back: what the record says. Never its review status, deletion, merge or a source's text. */
  revertable?: true;
  /** A column of the record's CSV export, under the property's name snake_cased or the name given. */
  exported?: true | string;
  /** The editor's value, normalised; problems are reported on `check` under the field's name. */
  check?(check: InputCheck, value: V, field: string): V;
}

/** A list in the state kept as rows of a link table, each naming the record in its `owner` column. */
export interface LinkDeclaration<E> {
  entity: new () => E;
  owner: keyof E & string;
  /** The link row's properties an element holds; an element is the first one's value alone when `single`. */
  values: ReadonlyArray<keyof E & string>;
  single: boolean;
  revertable?: true;
  check?(check: InputCheck, value: never, field: string): unknown;
}

/** A list of ids kept in a link table: the ids of the link rows' `value` column. */
export function idsIn<E, V extends keyof E & string>(
  entity: new () => E,
  owner: keyof E & string,
  value: V,
  options: { revertable?: true; check?(check: InputCheck, value: Array<E[V]>, field: string): Array<E[V]> } = {},
): LinkDeclaration<E> & { element?: E[V] } {
  return { entity, owner, values: [value], single: true, ...options };
}

/** A list of objects kept in a link table: each one link row's `values`. */
export function rowsIn<E, V extends keyof E & string>(
  entity: new () => E,
  owner: keyof E & string,
  values: readonly V[],
  options: { revertable?: true; check?(check: InputCheck, value: Array<Pick<E, V>>, field: string): Array<Pick<E, V>> } = {},
): LinkDeclaration<E> & { element?: Pick<E, V> } {
  return { entity, owner, values, single: false, ...options };
}

/** A part of the state the record's own writes never change, read beside its row: a source's current text. */
export interface ReadOnlyDeclaration<V> {
  /** One json (or scalar) value from the record's row aliased `alias`, whose id SQL reads as `id`. */
  sql(alias: string, id: string): string;
  /** Only for the type of the value. */
  value?: V;
}

/** A part of the state made from several columns of the row (a selector), or kept in another form (a time as text). */
export interface CompositeDeclaration<R, K extends keyof R, V> {
  columns: readonly K[];
  empty: V;
  toState(row: Pick<R, K>): V;
  /** The columns a state's value is written to; without it, the part is read from the row but never written from a state. */
  toRow?(value: V): Pick<R, K>;
  workflow?: true;
  revertable?: true;
}

/** Declares a composite part of `entity`'s state (inferring its columns and value type). */
export function composite<R, K extends keyof R, V>(
  _entity: new () => R,
  part: CompositeDeclaration<R, K, V>,
): CompositeDeclaration<R, K, V> {
  return part;
}

/** A read-only part of the state, of type V. */
export function readOnly<V>(sql: (alias: string, id: string) => string): ReadOnlyDeclaration<V> {
  return { sql };
}

type Fields<R> = { [K in keyof R]?: FieldDeclaration<R[K]> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a link's row entity differs per link; each link's own type is kept by inference
type Links = Record<string, LinkDeclaration<any> & { element?: unknown }>;
type ReadOnly = Record<string, ReadOnlyDeclaration<unknown>>;
/** Each part picks its own columns of R and its own value type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each composite's columns and value differ; inference keeps each one's own
type Composites<R> = Record<string, CompositeDeclaration<R, any, any>>;

export interface KindDeclaration<
  R extends VersionedRecord,
  F extends Fields<R>,
  L extends Links,
  O extends ReadOnly,
  P extends Composites<R>,
> {
  fields: F;
  /** Parts of the state made from columns of the row otherwise than one field each. */
  composites?: P;
  links?: L;
  readOnly?: O;
  /** Columns a create writes besides the state, which the write path never writes again (a password's hash). */
  createOnly?: ReadonlyArray<keyof R & string>;
}

type Simplify<T> = { [K in keyof T]: T[K] };

/** The fields and links an editor or a workflow sets: a state without its deletion and read-only parts. */
type CompositeValue<P> = P extends { empty: infer V; toState(row: never): infer W } ? V | W : never;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no composites: the empty object type adds no keys
export type ContentOf<R, F, L, P = {}> = Simplify<
  { [K in keyof F & keyof R]: R[K] } & { [K in keyof P]: CompositeValue<P[K]> } & {
    [K in keyof L]: Array<NonNullable<(L[K] & { element?: unknown })['element']>>;
  }
>;

/** A record's whole state as the revision log keeps it. */
export type StateOf<R, F, L, O, P> = Simplify<
  ContentOf<R, F, L, P> & { [K in keyof O]: NonNullable<(O[K] & { value?: unknown })['value']> } & DeletableState
>;

/** What an editor's input sets: the content without what a workflow sets. */
export type InputOf<R, F, L, P> = Omit<
  ContentOf<R, F, L, P>,
  | { [K in keyof F]: F[K] extends { workflow: true } ? K : never }[keyof F]
  | { [K in keyof P]: P[K] extends { workflow: true } ? K : never }[keyof P]
>;

/** A CSV column of a kind's export: its name, and the field it holds. */
export interface ExportedColumn<R> {
  column: string;
  field: keyof R & string;
}

/** How COPY is told a column's type (see the bench's bulk loader). */
const BULK_TYPES = ['uuid', 'text', 'int', 'smallint', 'double precision', 'boolean', 'timestamptz', 'date', 'jsonb', 'text[]'] as const;
export type BulkColumnType = (typeof BULK_TYPES)[number];

/** One table's columns and rows as a bulk load writes them. */
export interface BulkTable {
  table: string;
  columns: ReadonlyArray<readonly [string, BulkColumnType]>;
}

/**
 * A kind of record declared once: its write path (RecordKind, with create beside update), and what history,
 * revert, validation, the bulk loader and the exports derive from the declaration.
 */
export interface DeclaredKind<R extends VersionedRecord, S extends DeletableState, I> extends RecordKind<S, R> {
  entity: new () => R;
  /** The fields a revert sets back; none: the kind cannot be reverted. */
  revertable: readonly string[];
  /** The columns the record's CSV export holds of it, in declaration order. */
  exported: ReadonlyArray<ExportedColumn<R>>;
  /** An editor's content before any is given. */
  empty(): I;
  /** An editor's content normalised by each field's and link's declared check (cross-field rules stay with the service). */
  check(check: InputCheck, input: I): I;
  /** Writes a new record's row and link rows in one statement, answering its state as written; `also` gives its create-only columns. */
  insertState(manager: EntityManager, id: string, state: S, at: Date, also?: Partial<R>): Promise<S>;
  /** The record's row and link rows as a bulk load writes them, and the tables they go to. */
  bulk(manager: EntityManager): BulkShape<S>;
}

/** A kind's tables as a bulk load writes them (COPY), and a record's rows in them. */
export interface BulkShape<S> {
  row: BulkTable;
  links: Record<string, BulkTable>;
  rowsOf(meta: RecordMeta, state: S): { row: Record<string, unknown>; links: Record<string, Array<Record<string, unknown>>> };
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`);

function tableOf(entity: Function): string {
  const table = getMetadataArgsStorage().tables.find((args) => args.target === entity)?.name;
  if (!table) throw new Error(`${entity.name} is not an @Entity with a table name`);
  return table;
}

/** The SQL type a column's parameters are cast to, and the type COPY is told. */
function columnTypes(column: ColumnMetadata): { sql: string; bulk: BulkColumnType | undefined } {
  const type = typeof column.type === 'string' ? column.type : column.type.name.toLowerCase();
  const base = (
    {
      varchar: 'text',
      'character varying': 'text',
      char: 'text',
      character: 'text',
      string: 'text',
      text: 'text',
      uuid: 'uuid',
      int: 'int',
      integer: 'int',
      smallint: 'smallint',
      'double precision': 'double precision',
      float8: 'double precision',
      date: 'date',
      jsonb: 'jsonb',
      timestamptz: 'timestamptz',
      boolean: 'boolean',
    } as Record<string, string>
  )[type];
  if (!base) throw new Error(`no SQL type known for ${column.entityMetadata.tableName}.${column.databaseName} (${type})`);
  const sql = column.isArray ? `${base}[]` : base;
  return { sql, bulk: BULK_TYPES.find((type) => type === sql) };
}

function columnOf(manager: EntityManager, entity: Function, property: string): ColumnMetadata {
  const column = manager.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`${entity.name} has no column for ${property}`);
  return column;
}

/**
 * Declares a kind of record from its TypeORM entity: `fields` are keyed by the entity's properties, so each
 * field's type is the entity's, and the column, its SQL type and the table come from the entity's metadata.
 */
export function declareKind<
  R extends VersionedRecord,
  F extends Fields<R>,
  /* eslint-disable @typescript-eslint/no-empty-object-type -- a kind without links, read-only parts or composites adds no keys */
  L extends Links = {},
  O extends ReadOnly = {},
  P extends Composites<R> = {},
  /* eslint-enable @typescript-eslint/no-empty-object-type */
>(
  recordType: RecordType,
  entity: new () => R,
  declaration: KindDeclaration<R, F, L, O, P>,
): DeclaredKind<R, StateOf<R, F, L, O, P>, InputOf<R, F, L, P>> {
  type S = StateOf<R, F, L, O, P>;
  type I = InputOf<R, F, L, P>;
  const table = tableOf(entity);
  const alias = table.slice(0, 1);
  const fields = Object.entries(declaration.fields as Record<string, FieldDeclaration<unknown>>);
  const links = Object.entries(declaration.links ?? {}) as Array<[string, LinkDeclaration<Record<string, unknown>>]>;
  const readOnly = Object.entries(declaration.readOnly ?? {});
  const fieldNames = fields.map(([name]) => name);
  const editable = fields.filter(([, field]) => !field.workflow);
  const composites = Object.entries(declaration.composites ?? {}) as Array<
    [string, CompositeDeclaration<Record<string, unknown>, string, unknown>]
  >;
  const compositeColumns = composites.flatMap(([, part]) => (part.toRow ? part.columns : []));
  const rowProperties = [...fieldNames, ...compositeColumns, 'deletedAt', 'deleteReason'];
  /** The row's columns as a state writes them. */
  const rowOf = (state: Record<string, unknown>): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (const [name, field] of fields) row[name] = name in state ? state[name] : field.empty;
    for (const [name, part] of composites) if (part.toRow) Object.assign(row, part.toRow(name in state ? state[name] : part.empty));
    return row;
  };

  const plans = new WeakMap<object, TablePlan>();
  const planOf = (manager: EntityManager): TablePlan => {
    const known = plans.get(manager.connection);
    if (known) return known;
    const planned = (property: string, of: Function = entity): PlannedColumn => {
      const column = columnOf(manager, of, property);
      return { property, name: column.databaseName, sqlType: columnTypes(column).sql };
    };
    const plannedLinkValue = (property: string, of: Function): PlannedColumn => {
      const column = planned(property, of);
      return columnOf(manager, of, property).isNullable ? { ...column, nullable: true } : column;
    };
    const plan: TablePlan = {
      table,
      alias,
      select: projection(manager, entity, alias).select,
      columns: rowProperties.map((property) => planned(property)),
      createOnly: (declaration.createOnly ?? []).map((property) => planned(property)),
      links: links.map(([property, link]) => ({
        property,
        table: tableOf(link.entity),
        owner: columnOf(manager, link.entity, link.owner).databaseName,
        values: link.values.map((value) => plannedLinkValue(value, link.entity)),
        single: link.single,
      })),
      readOnly: readOnly.map(([property, part]) => ({ property, sql: part.sql })),
    };
    plans.set(manager.connection, plan);
    return plan;
  };

  // A value left out (a nullable link column's null) sorts first.
  const compare = (link: LinkDeclaration<Record<string, unknown>>) => (a: Record<string, string>, b: Record<string, string>) => {
    for (const value of link.values) {
      const order = (a[value] ?? '').localeCompare(b[value] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  };
  const stateOf = (manager: EntityManager, row: Record<string, unknown>): S => {
    const record = projection(manager, entity, alias).hydrate(row) as R & Record<string, unknown>;
    const state: Record<string, unknown> = {};
    for (const name of fieldNames) state[name] = record[name];
    for (const [name, part] of composites) state[name] = part.toState(record);
    for (const [property, link] of links) {
      const list = row[property] as Array<Record<string, string>> & string[];
      state[property] = link.single ? list.sort() : list.sort(compare(link));
    }
    for (const [property] of readOnly) state[property] = row[property];
    return Object.assign(state, deletionState(record)) as S;
  };
  /** A value as its column gives it back: a uuid in lower case, a time as a Date (a state's deletion as its ISO text). */
  const settled = (column: PlannedColumn | undefined, value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    if (column?.sqlType === 'uuid') return value.toLowerCase();
    if (column?.sqlType === 'timestamptz') return new Date(value);
    return value;
  };
  /** What `stateOf` will read once `state` is written: the row `rowOf` makes, each column as PostgreSQL gives it back. */
  const columnsByProperty = new WeakMap<TablePlan, Map<string, PlannedColumn>>();
  const settle = (manager: EntityManager, state: S): S => {
    const plan = planOf(manager);
    let byProperty = columnsByProperty.get(plan);
    if (!byProperty) columnsByProperty.set(plan, (byProperty = new Map(plan.columns.map((column) => [column.property, column]))));
    const row = rowOf(state);
    for (const property of Object.keys(row)) row[property] = settled(byProperty.get(property), row[property]);
    const out: Record<string, unknown> = {};
    for (const name of fieldNames) out[name] = row[name];
    for (const [name, part] of composites) out[name] = part.toRow ? part.toState(row) : state[name as keyof S];
    links.forEach(([property, link], i) => {
      const planned = plan.links[i]!;
      const distinct = new Map<string, unknown>();
      for (const element of state[property as keyof S] as unknown[]) {
        const value = link.single
          ? settled(planned.values[0], element)
          : Object.fromEntries(
              planned.values.flatMap((column) => {
                const given = settled(column, (element as Record<string, unknown>)[column.property]);
                // As the state query reads it back: a nullable column's null is left out of the element.
                return column.nullable && given == null ? [] : [[column.property, given]];
              }),
            );
        distinct.set(link.single ? (value as string) : canonicalJson(value), value);
      }
      const list = [...distinct.values()] as Array<Record<string, string>> & string[];
      out[property] = link.single ? list.sort() : list.sort(compare(link));
    });
    for (const [property] of readOnly) out[property] = state[property as keyof S];
    return Object.assign(out, deletionState(deletionColumns(state))) as S;
  };
  // Made once per plan and set of tables referenced: the same text each time, which the prepared statements are kept by.
  const editStatements = new WeakMap<TablePlan, Map<string, string>>();
  const editStatementOf = (plan: TablePlan, first: number, references: EditReferences | null): string => {
    let texts = editStatements.get(plan);
    if (!texts) editStatements.set(plan, (texts = new Map()));
    const key = references ? `${first} ${references.expected} ${references.sql}` : `${first}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = editStatementSql(plan, first, references)));
    return text;
  };
  // One per plan, the same text each time: statements built on it are then kept by it (record-writer.ts).
  const stateQueries = new WeakMap<TablePlan, StateQuery<S>>();
  const stateQuery = (manager: EntityManager): StateQuery<S> => {
    const plan = planOf(manager);
    let query = stateQueries.get(plan);
    if (!query) {
      query = { sql: stateQuerySql(plan), read: (row) => stateOf(manager, row) };
      stateQueries.set(plan, query);
    }
    return query;
  };
  const write = async (
    manager: EntityManager,
    mode: 'create' | 'update',
    id: string,
    state: S,
    at: Date,
    also: Partial<R> = {},
  ): Promise<S> => {
    const plan = planOf(manager);
    const row: Record<string, unknown> = { ...also, ...rowOf(state), ...deletionColumns(state) };
    const [written] = await preparedQuery(
      manager,
      writeStatementSql(plan, mode),
      writeParameters(plan, mode, id, state, at, (column) => row[column.property]),
    );
    const answered = stateOf(manager, written!);
    // A create's read-only parts are written after its row (a source's first text), so the state given has them.
    return mode === 'create'
      ? Object.assign(answered, Object.fromEntries(readOnly.map(([property]) => [property, state[property]])))
      : answered;
  };

  return {
    recordType,
    table,
    entity,
    stateQuery,
    async loadState(manager, id) {
      const query = stateQuery(manager);
      const [row] = await preparedQuery(manager, query.sql, [id]);
      return row ? query.read(row) : null;
    },
    saveState: (manager, id, state) => write(manager, 'update', id, state, new Date()),
    settle,
    async edit(manager, edit: RecordEdit<S>): Promise<EditOutcome> {
      const plan = planOf(manager);
      const row: Record<string, unknown> = { ...rowOf(edit.state), ...deletionColumns(edit.state) };
      const parameters = writeParameters(plan, 'update', edit.id, edit.state, new Date(), (column) => row[column.property]);
      const { revision } = edit;
      parameters.push(
        edit.expectedVersion,
        revision.recordType,
        revision.operation,
        edit.serialized.changes,
        edit.serialized.state,
        revision.reason,
        revision.actor,
        revision.actorUserId,
        revision.requestId,
        revision.createdAt,
        revision.prevHash,
        revision.hash,
      );
      const first = parameters.length - 11;
      const lookups = referenceLookups(edit.references, parameters.length + 1);
      const expected = `$${parameters.length + 1 + (lookups?.values.length ?? 0)}`;
      if (lookups) parameters.push(...lookups.values, lookups.expected);
      const [answer] = await preparedQuery<{
        version: number | null;
        createdAt: Date | null;
        updatedAt: Date | null;
        revisionId: string | null;
        foundReferences?: FoundReference[] | null;
      }>(manager, editStatementOf(plan, first, lookups && { sql: lookups.sql, expected }), parameters);
      if (!answer?.revisionId) return { written: false, problems: lookups?.problems(answer?.foundReferences ?? []) ?? [] };
      return {
        written: true,
        revisionId: answer.revisionId,
        meta: { id: edit.id, version: answer.version!, createdAt: answer.createdAt!, updatedAt: answer.updatedAt! },
      };
    },
    insertState: (manager, id, state, at, also) => write(manager, 'create', id, state, at, also),
    // A field a state logged before it existed lacks reads as its empty value.
    hydrate(meta, state) {
      return Object.assign(new entity(), rowOf(state), recordColumns(meta, state));
    },
    revertable: [fields, composites, links].flatMap((parts: Array<[string, { revertable?: true }]>) =>
      parts.filter(([, part]) => part.revertable).map(([name]) => name),
    ),
    exported: fields.flatMap(([name, field]) =>
      field.exported ? [{ column: field.exported === true ? snakeCase(name) : field.exported, field: name as keyof R & string }] : [],
    ),
    empty() {
      const content: Record<string, unknown> = {};
      for (const [name, field] of editable) content[name] = field.empty;
      for (const [name, part] of composites) if (!part.workflow) content[name] = part.empty;
      for (const [name] of links) content[name] = [];
      return content as I;
    },
    check(check, input) {
      const given: Record<string, unknown> = input;
      const normalised: Record<string, unknown> = {};
      for (const [name, field] of editable) normalised[name] = field.check ? field.check(check, given[name], name) : given[name];
      for (const [name, part] of composites) if (!part.workflow) normalised[name] = given[name];
      for (const [name, link] of links) normalised[name] = link.check ? link.check(check, given[name] as never, name) : given[name];
      return normalised as I;
    },
    bulk(manager) {
      const plan = planOf(manager);
      const bulkType = (of: Function, property: string): BulkColumnType => {
        const column = columnOf(manager, of, property);
        const type = columnTypes(column).bulk;
        if (!type) throw new Error(`COPY is not told how to write ${column.entityMetadata.tableName}.${column.databaseName}`);
        return type;
      };
      const rowColumns = ['id', 'version', 'createdAt', 'updatedAt', ...rowProperties].map((property) => ({
        property,
        name: columnOf(manager, entity, property).databaseName,
        type: bulkType(entity, property),
      }));
      const linkTables = links.map(([property, link], i) => {
        const planned = plan.links[i]!;
        return {
          property,
          link,
          planned,
          columns: [
            [planned.owner, bulkType(link.entity, link.owner)] as const,
            ...planned.values.map((value, j) => [value.name, bulkType(link.entity, link.values[j]!)] as const),
          ],
        };
      });
      return {
        row: { table, columns: rowColumns.map((column) => [column.name, column.type] as const) },
        links: Object.fromEntries(linkTables.map(({ property, planned, columns }) => [property, { table: planned.table, columns }])),
        rowsOf(meta, state) {
          const values: Record<string, unknown> = { ...state, ...rowOf(state), ...recordColumns(meta, state) };
          const row = Object.fromEntries(rowColumns.map((column) => [column.name, values[column.property]]));
          const linkRows = Object.fromEntries(
            linkTables.map(({ property, link, planned }) => [
              property,
              (values[property] as unknown[]).map((element) =>
                Object.fromEntries([
                  [planned.owner, meta.id],
                  ...planned.values.map((value) => [
                    value.name,
                    link.single ? element : ((element as Record<string, unknown>)[value.property] ?? null),
                  ]),
                ]),
              ),
            ]),
          );
          return { row, links: linkRows };
        },
      };
    },
  };
}

/** The state of a kind's records, as the revision log keeps it. */
export type KindState<K> = K extends RecordKind<infer S, unknown> ? S : never;
/** What an editor's input sets on a kind's records. */
export type KindInput<K> = K extends { empty(): infer I } ? I : never;
