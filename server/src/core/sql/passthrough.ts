import {
  type FieldNode,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isObjectType,
  isScalarType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { EntityManager } from 'typeorm';

import type { Connection, PageInfo } from '../paging/connection.js';
import type { PageReading } from './preload.js';

/**
 * What graphql-js writes for a scalar, and the column types whose JSON PostgreSQL writes the same: the text of a
 * string, the number of a number. A time goes through `to_char`, as `Date.prototype.toISOString` writes it.
 */
const SCALAR_COLUMNS: Record<string, ReadonlySet<unknown>> = {
  ID: new Set(['uuid', 'text', 'varchar']),
  String: new Set(['uuid', 'text', 'varchar']),
  Int: new Set(['int', 'integer', 'smallint']),
  Float: new Set(['int', 'integer', 'smallint', 'double precision']),
  Boolean: new Set(['boolean']),
  DateTimeISO: new Set(['timestamptz', 'timestamp with time zone']),
};

const isoTime = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A piece of the SQL of a JSON text: a SQL expression of text, or text written as it is. */
export type JsonPiece = string | { literal: string };

/** The SQL of JSON text made of pieces, written as it is or concatenated, each run of literal text as one literal. */
export function jsonText(pieces: readonly JsonPiece[]): string {
  const parts: string[] = [];
  let literal: string | null = null;
  for (const piece of pieces) {
    if (typeof piece !== 'string') literal = (literal ?? '') + piece.literal;
    else {
      if (literal !== null) parts.push(sqlText(literal));
      parts.push(piece);
      literal = null;
    }
  }
  if (literal !== null) parts.push(sqlText(literal));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

/**
 * The pieces of a column's value as JSON text (SQL's NULL for NULL), for a column of a type `SCALAR_COLUMNS` allows.
 * Answers are written as text by concatenation rather than by `json_build_object`, which cost PostgreSQL about a
 * fifth more for the same nested read (docs/perf.md) and writes `"key" : value` with spaces graphql-js never writes.
 * A uuid, a number, a truth value and a time have nothing to escape; other text goes through `to_json`.
 */
export function columnJson(sql: string, columnType: unknown, graphqlType: string): JsonPiece[] {
  const quote = { literal: '"' };
  if (graphqlType === 'DateTimeISO') return [quote, isoTime(sql), quote];
  if (columnType === 'uuid') return [quote, sql, quote];
  if (columnType === 'int' || columnType === 'integer' || columnType === 'smallint' || columnType === 'boolean') return [`${sql}::text`];
  return [`to_json(${sql})::text`];
}

/** A SQL string literal of `text`. */
export const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** JSON text that may be SQL's NULL, written as JSON's null. */
export const orNull = (sql: string) => `coalesce(${sql}, 'null')`;

/** The SQL of a JSON object's text from its members, each a response name and the pieces of its value (never NULL). */
export function objectText(members: ReadonlyArray<readonly [string, readonly JsonPiece[]]>): string {
  const pieces: JsonPiece[] = [{ literal: '{' }];
  members.forEach(([name, value], i) => pieces.push({ literal: `${i === 0 ? '' : ','}${JSON.stringify(name)}:` }, ...value));
  return jsonText([...pieces, { literal: '}' }]);
}

/** The SQL of a JSON array's text from a subquery's rows, each row's JSON text aggregated in order: `[]` for none. */
export const arrayText = (element: string, order: string, from: string) =>
  `('[' || coalesce((SELECT string_agg(${element}, ',' ORDER BY ${order}) ${from}), '') || ']')`;

/**
 * The fields of a selection set, each answered once, when they have no argument, directive or fragment: a leaf
 * asked twice under one name is answered once, where it was first asked, as graphql-js does; any other repeat
 * would need merging.
 */
export function bareFields(set: SelectionSetNode): FieldNode[] | null {
  const byName = new Map<string, FieldNode>();
  for (const node of set.selections) {
    if (node.kind !== Kind.FIELD || node.directives?.length || node.arguments?.length) return null;
    const name = node.alias?.value ?? node.name.value;
    const first = byName.get(name);
    if (first && (first.selectionSet || node.selectionSet || first.name.value !== node.name.value)) return null;
    if (!first) byName.set(name, node);
  }
  return [...byName.values()];
}

export const responseName = (node: FieldNode) => node.alias?.value ?? node.name.value;

/**
 * Node's writer of a leaf's JSON, as graphql-js writes it: serialised by its type, then stringified. The values
 * most pages hold skip the serialiser, which would hand them back as they are (a string as String or ID) or as
 * their ISO text (a valid Date as DateTimeISO); anything else, an invalid Date included, goes through it.
 */
function valueJson(named: { name: string; serialize(value: unknown): unknown }): (value: unknown) => string {
  const serialized = (value: unknown) => JSON.stringify(named.serialize(value));
  if (named.name === 'String' || named.name === 'ID')
    return (value) => (typeof value === 'string' ? JSON.stringify(value) : serialized(value));
  if (named.name === 'DateTimeISO')
    return (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? `"${value.toISOString()}"` : serialized(value));
  return serialized;
}

/** A value graphql-js would write for a field, as its JSON text. */
function jsonLiteral(value: unknown, type: GraphQLOutputType): { literal: string } | null {
  const named = getNamedType(type);
  if (value === null || value === undefined) return { literal: 'null' };
  if (!isScalarType(named) && !isEnumType(named)) return null;
  return { literal: JSON.stringify(named.serialize(value)) };
}

/**
 * A field that is not a column of the record: the SQL of its JSON text for the way it is asked (`field`), over the
 * record's row `alias`, never SQL's NULL (a record that may be missing is written `orNull`), or null when that
 * cannot be written in SQL.
 */
export type NestedJson = (field: FieldNode, alias: string, json: JsonWriter) => string | null;

/** How the records of a GraphQL object type are written as JSON: its entity's plain columns, and its other fields. */
export interface JsonShape {
  type: string;
  entity: Function;
  nested?: Readonly<Record<string, NestedJson>>;
  /** How a deleted record reads, reached through another, for a caller who may not see it (`seenThrough`). */
  tombstone?: (record: never) => object;
}

interface TypeColumns {
  type: GraphQLObjectType;
  shape: JsonShape;
  /** Plain fields: the SQL of their value, and what they read as in a tombstone (null: as the record has it). */
  plain: Map<string, PlainField>;
}

interface PlainField {
  /** The pieces of its value's JSON text, over the row `$`, never NULL. */
  sql: readonly JsonPiece[];
  /** The SQL of its column, over the row `$`, as pg reads it into JavaScript. */
  column: string;
  /** Its value's JSON as graphql-js writes it (serialised, then stringified), for a value that is not null. */
  json: (value: unknown) => string;
  /** What it reads as in a tombstone (null: as the record has it). */
  tombstone: { literal: string } | null;
}

/** A record written as JSON by Node from its columns: the statement's select list, and the writer of a row. */
export interface RowWriter {
  select: string;
  write(row: Record<string, unknown>): string;
}

/**
 * The types PostgreSQL may write answers of, and, for each, its plain fields: a column of its entity, of a type
 * PostgreSQL's JSON writes just as graphql-js would, with no field resolver, middleware or role of its own.
 */
export class JsonShapes {
  private readonly types = new Map<string, TypeColumns>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly manager: EntityManager,
    shapes: readonly JsonShape[],
  ) {
    // A type's fields may be declared by several modules (an event's claims by the claims module): one shape of them all.
    const merged = new Map<string, JsonShape>();
    for (const shape of shapes) {
      const known = merged.get(shape.type);
      merged.set(shape.type, known ? { ...known, ...shape, nested: { ...known.nested, ...shape.nested } } : shape);
    }
    for (const shape of merged.values()) this.types.set(shape.type, this.columnsOf(shape));
  }

  /** What writes answers for one request's caller: staff read deleted records reached through others as they are. */
  writer(staff: boolean): JsonWriter {
    return new JsonWriter(this.types, staff);
  }

  private columnsOf(shape: JsonShape): TypeColumns {
    const type = this.schema.getType(shape.type);
    if (!isObjectType(type)) throw new Error(`${shape.type} is not an object type`);
    const storage = getMetadataStorage();
    const resolved = new Set(
      storage.fieldResolvers.filter((resolver) => resolver.getObjectType?.() === shape.entity).map((resolver) => resolver.schemaName),
    );
    const guarded = new Set(
      storage.objectTypes
        .filter((objectType) => objectType.target === shape.entity)
        .flatMap((objectType) => objectType.fields ?? [])
        .filter((field) => field.roles?.length || field.middlewares?.length)
        .map((field) => field.schemaName),
    );
    const columns = this.manager.connection.getMetadata(shape.entity).columns;
    // Each column a value of its own, to see which the tombstone keeps and which it replaces.
    const probe = Object.create((shape.entity as { prototype: object }).prototype) as Record<string, unknown>;
    for (const column of columns) probe[column.propertyName] = { column: column.propertyName };
    const tombstone = shape.tombstone?.(probe as never) as Record<string, unknown> | undefined;
    const byProperty = new Map(columns.map((column) => [column.propertyName, column]));
    const plain = new Map<string, PlainField>();
    for (const [name, field] of Object.entries(type.getFields())) {
      const column = byProperty.get(name);
      if (!column || column.isArray || field.args.length > 0 || resolved.has(name) || guarded.has(name)) continue;
      const named = getNamedType(field.type);
      const sql = (alias: string) => `"${alias}"."${column.databaseName}"`;
      let written = false;
      if (isScalarType(named) && SCALAR_COLUMNS[named.name]?.has(column.type)) written = true;
      else if (isEnumType(named) && (column.type === 'varchar' || column.type === 'text'))
        written = named.getValues().every((value) => value.value === value.name);
      if (!written) continue;
      const json = columnJson(sql('$'), column.type, named.name);
      const kept = !tombstone || tombstone[name] === probe[name];
      const literal = kept ? null : jsonLiteral(tombstone[name], field.type);
      if (!kept && literal === null) continue;
      plain.set(name, {
        sql: column.isNullable ? [orNull(jsonText(json))] : json,
        column: sql('$'),
        json: valueJson(named as { name: string; serialize(value: unknown): unknown }),
        tombstone: literal,
      });
    }
    return { type, shape, plain };
  }
}

/** Writes the SQL of JSON answers for one caller, each record's row under an alias of its own. */
export class JsonWriter {
  private aliases = 0;
  /** Whether what it wrote reaches past the records' own columns (a nested record or list, an object of columns). */
  nested = false;

  constructor(
    private readonly types: ReadonlyMap<string, TypeColumns>,
    readonly staff: boolean,
  ) {}

  /** A table alias no other part of the statement uses. */
  alias(): string {
    return `j${++this.aliases}`;
  }

  /**
   * The SQL of a JSON object's text of leaf fields, each field's value from `valueOf` (the SQL of its JSON text, never
   * NULL; null: one this cannot write), for an object a record's resolver makes of its columns.
   */
  leaves(typeName: string, set: SelectionSetNode, valueOf: (field: string) => string | null): string | null {
    const fields = bareFields(set);
    if (!fields || fields.length === 0) return null;
    const members: Array<[string, JsonPiece[]]> = [];
    for (const field of fields) {
      if (field.selectionSet) return null;
      const value = field.name.value === '__typename' ? { literal: JSON.stringify(typeName) } : valueOf(field.name.value);
      if (!value) return null;
      members.push([responseName(field), [value]]);
    }
    return objectText(members);
  }

  /**
   * A record's JSON for a selection of its own columns only (and `__typename`), written by Node from the columns'
   * values as graphql-js serialises them: PostgreSQL would spend more writing it as JSON (`to_char`, escaping)
   * than it saves Node. `selected`: columns the statement reads anyway, by their SQL, with their names. Null for a
   * selection that reaches past the record's columns.
   */
  row(typeName: string, set: SelectionSetNode, alias: string, selected: ReadonlyMap<string, string>): RowWriter | null {
    const fields = bareFields(set);
    const select: string[] = [];
    const write =
      fields &&
      this.written(typeName, fields, ({ column }) => {
        const sql = column.replaceAll('$', alias);
        // A column the statement reads already (the cursor's) is read once.
        if (selected.has(sql)) return selected.get(sql)!;
        const name = `n${select.length}`;
        select.push(`${sql} AS "${name}"`);
        return name;
      });
    return write ? { select: select.join(', '), write } : null;
  }

  /**
   * A record read whole or in part (by `projection`), written by Node for `fields`, each a column field of its type
   * or `__typename`, as graphql-js serialises them; null when a field is not one of those.
   */
  record(typeName: string, fields: readonly FieldNode[]): ((record: Record<string, unknown>) => string) | null {
    return this.written(typeName, fields, (_plain, name) => name);
  }

  /** Node's writer of `fields` of a type, each value read from what `read` names for its plain field. */
  private written(
    typeName: string,
    fields: readonly FieldNode[],
    read: (plain: PlainField, name: string) => string,
  ): ((values: Record<string, unknown>) => string) | null {
    const known = this.types.get(typeName);
    if (!known || fields.length === 0) return null;
    const parts: Array<(values: Record<string, unknown>) => string> = [];
    for (const field of fields) {
      const key = `${JSON.stringify(responseName(field))}:`;
      const name = field.name.value;
      const plain = known.plain.get(name);
      if (field.selectionSet || field.arguments?.length || field.directives?.length) return null;
      if (name === '__typename') {
        const value = key + JSON.stringify(typeName);
        parts.push(() => value);
      } else if (plain) {
        const at = read(plain, name);
        const { json } = plain;
        parts.push((values) => {
          const value = values[at];
          return key + (value === null || value === undefined ? 'null' : json(value));
        });
      } else return null;
    }
    return (values) => `{${parts.map((part) => part(values)).join(',')}}`;
  }

  /**
   * The SQL of a record's JSON text, its row `alias`, for a selection of its fields; null when a field is not one
   * this knows. `throughDeleted`: the record is reached through another, and reads as its tombstone when deleted.
   */
  object(typeName: string, set: SelectionSetNode, alias: string, throughDeleted = false): string | null {
    const known = this.types.get(typeName);
    if (!known) return null;
    const fields = bareFields(set);
    if (!fields || fields.length === 0) return null;
    const tombstones = throughDeleted && !this.staff;
    const members: Array<[string, readonly JsonPiece[]]> = [];
    // What the record reads as when deleted, for a caller who reads it as its tombstone; null while it reads the same.
    let buried: Array<[string, readonly JsonPiece[]]> | null = null;
    for (const field of fields) {
      const name = field.name.value;
      const key = responseName(field);
      let value: readonly JsonPiece[] | null;
      if (name === '__typename') value = field.selectionSet ? null : [{ literal: JSON.stringify(typeName) }];
      else if (known.plain.has(name) && !field.selectionSet) {
        const { sql, tombstone } = known.plain.get(name)!;
        value = sql.map((piece) => (typeof piece === 'string' ? piece.replaceAll('$', alias) : piece));
        if (tombstones && tombstone) buried = [...(buried ?? members), [key, [tombstone]]];
        else buried?.push([key, value]);
        members.push([key, value]);
        continue;
      } else {
        // What leads elsewhere from a tombstone is not written here: it shows nothing of the record.
        const nested = tombstones ? undefined : known.shape.nested?.[name];
        const json = nested ? nested(field, alias, this) : null;
        value = json ? [json] : null;
        this.nested = true;
      }
      if (!value) return null;
      members.push([key, value]);
      buried?.push([key, value]);
    }
    const object = objectText(members);
    return buried ? `CASE WHEN "${alias}"."deleted_at" IS NULL THEN ${object} ELSE ${objectText(buried)} END` : object;
  }
}

/** A record of a page answered as the JSON PostgreSQL wrote for it, with its place in the list for its cursor. */
export interface JsonRecord {
  id: string;
  createdAt: Date;
  json: string | null;
}

export interface ConnectionPlan {
  /** How the page's statement reads each record: its JSON, and what its cursor is made of. */
  reading: PageReading<JsonRecord>;
  /** The connection's answer, as graphql-js would have written it. */
  write(connection: Connection<JsonRecord>): Promise<string>;
}

const PAGE_INFO_FIELDS = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);

/** Node's writer of a connection's `pageInfo` for its selection, as graphql-js writes it; null for one it does not know. */
export function pageInfoWriter(set: SelectionSetNode, typeName: string): ((pageInfo: PageInfo) => string) | null {
  const fields = bareFields(set);
  if (!fields?.every((info) => !info.selectionSet && (info.name.value === '__typename' || PAGE_INFO_FIELDS.has(info.name.value))))
    return null;
  return (pageInfo) => {
    const values = fields.map((info) => {
      const value = info.name.value === '__typename' ? typeName : pageInfo[info.name.value as keyof PageInfo];
      return `${JSON.stringify(responseName(info))}:${JSON.stringify(value)}`;
    });
    return `{${values.join(',')}}`;
  };
}

/**
 * Plans, for a connection of records (`edges { cursor node }`, `pageInfo`, `totalCount`), the answer PostgreSQL
 * can write: each node built as JSON in the page's own statement and passed through as text, the connection around
 * them written here. Null for any selection it does not know (a field with a resolver no shape declares, a
 * fragment, a directive, an argument): that selection goes the ordinary way. Plans are kept per selection set,
 * which Apollo keeps per query text, and per kind of caller, so a repeated query is planned once.
 */
export function connectionPlanner(
  shapes: JsonShapes,
  connectionTypeName: string,
  alias: string,
): (set: SelectionSetNode, staff: boolean) => ConnectionPlan | null {
  const connectionType = shapes.schema.getType(connectionTypeName);
  if (!isObjectType(connectionType)) throw new Error(`${connectionTypeName} is not an object type`);
  const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
  const nodeType = getNamedType(edgeType.getFields().node!.type) as GraphQLObjectType;
  const pageInfoType = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
  const plans = [new WeakMap<SelectionSetNode, ConnectionPlan | null>(), new WeakMap<SelectionSetNode, ConnectionPlan | null>()];

  const plan = (set: SelectionSetNode, staff: boolean): ConnectionPlan | null => {
    const fields = bareFields(set);
    if (!fields) return null;
    let json: string | null = null;
    let row: RowWriter | null = null;
    let noded = false;
    /** Each field of the answer as a function of the page, in the order asked. */
    const parts: Array<(page: Connection<JsonRecord>) => string | Promise<string>> = [];
    for (const field of fields) {
      const key = JSON.stringify(responseName(field));
      const name = field.name.value;
      if (name === '__typename') parts.push(() => `${key}:${JSON.stringify(connectionType.name)}`);
      else if (name === 'totalCount' && !field.selectionSet) parts.push(async (page) => `${key}:${await page.totalCount}`);
      else if (name === 'pageInfo' && field.selectionSet) {
        const info = pageInfoWriter(field.selectionSet, pageInfoType.name);
        if (!info) return null;
        parts.push(({ pageInfo }) => `${key}:${info(pageInfo)}`);
      } else if (name === 'edges' && field.selectionSet) {
        const edgeFields = bareFields(field.selectionSet);
        if (!edgeFields) return null;
        const writers: Array<(edge: { cursor: string; node: JsonRecord }) => string> = [];
        for (const edgeField of edgeFields) {
          const edgeKey = JSON.stringify(responseName(edgeField));
          if (edgeField.name.value === '__typename' && !edgeField.selectionSet) {
            const typename = JSON.stringify(edgeType.name);
            writers.push(() => `${edgeKey}:${typename}`);
          } else if (edgeField.name.value === 'cursor' && !edgeField.selectionSet) {
            writers.push((edge) => `${edgeKey}:${JSON.stringify(edge.cursor)}`);
          } else if (edgeField.name.value === 'node' && edgeField.selectionSet && !noded) {
            noded = true;
            const writer = shapes.writer(staff);
            json = writer.object(nodeType.name, edgeField.selectionSet, alias);
            if (!json) return null;
            // Columns alone cost PostgreSQL more to write as JSON than they save Node (docs/perf.md): Node writes them.
            if (!writer.nested) {
              json = null;
              row = writer.row(
                nodeType.name,
                edgeField.selectionSet,
                alias,
                new Map([
                  [`"${alias}"."created_at"`, 'createdAt'],
                  [`"${alias}"."id"`, 'id'],
                ]),
              );
              if (!row) return null;
            }
            writers.push((edge) => `${edgeKey}:${edge.node.json}`);
          } else return null;
        }
        parts.push(({ edges }) => `${key}:[${edges.map((edge) => `{${writers.map((write) => write(edge)).join(',')}}`).join(',')}]`);
      } else return null;
    }
    const keyColumns = `"${alias}"."created_at" AS "createdAt", "${alias}"."id" AS "id"`;
    const select = json ? `${json} AS "json", ${keyColumns}` : row?.select ? `${row.select}, ${keyColumns}` : keyColumns;
    const written = row;
    return {
      reading: {
        records: {
          select,
          hydrate: (read) => ({
            id: read.id as string,
            createdAt: read.createdAt as Date,
            json: written ? written.write(read) : ((read.json as string | undefined) ?? null),
          }),
        },
        includes: [],
        readsPastPage: fields.some((field) => field.name.value === 'pageInfo'),
      },
      async write(page) {
        const written = await Promise.all(parts.map((part) => part(page)));
        return `{${written.join(',')}}`;
      },
    };
  };

  return (set, staff) => {
    const known = plans[staff ? 1 : 0]!;
    let planned = known.get(set);
    if (planned === undefined) known.set(set, (planned = plan(set, staff)));
    return planned;
  };
}
