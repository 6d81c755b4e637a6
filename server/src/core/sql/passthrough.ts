import {
  type FieldNode,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isObjectType,
  isScalarType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';

import type { Connection } from '../paging/connection.js';
import type { PageReading } from './preload.js';

/**
 * What graphql-js writes for a scalar, and the column types PostgreSQL's json writes the same value for: the
 * text of a string, the number of a number. A time goes through `to_char`, as `Date.prototype.toISOString` writes it.
 */
const SCALAR_COLUMNS: Record<string, ReadonlySet<unknown>> = {
  ID: new Set(['uuid', 'text', 'varchar']),
  String: new Set(['uuid', 'text', 'varchar']),
  Int: new Set(['int', 'integer', 'smallint']),
  Float: new Set(['int', 'integer', 'smallint', 'double precision']),
  Boolean: new Set(['boolean']),
  DateTimeISO: new Set(['timestamptz', 'timestamp with time zone']),
};

/** PostgreSQL allows a function 100 arguments: json_build_object takes a name and a value per field. */
const MOST_FIELDS = 50;

const isoTime = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The fields of a selection set, each answered once, when they have no argument, directive or fragment: a leaf
 * asked twice under one name is answered once, where it was first asked, as graphql-js does; any other repeat
 * would need merging.
 */
function bareFields(set: SelectionSetNode): FieldNode[] | null {
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

const responseName = (node: FieldNode) => node.alias?.value ?? node.name.value;

/**
 * The fields of an object type that are plain data: a column of its entity, of a type PostgreSQL writes as JSON
 * just as graphql-js would, with no field resolver, middleware or role of its own. Each maps to the SQL of its
 * JSON value over the entity's row `alias`.
 */
function plainFieldsOf(type: GraphQLObjectType, manager: EntityManager, entity: Function, alias: string) {
  const storage = getMetadataStorage();
  const resolved = new Set(
    storage.fieldResolvers.filter((resolver) => resolver.getObjectType?.() === entity).map((resolver) => resolver.schemaName),
  );
  const guarded = new Set(
    storage.objectTypes
      .filter((objectType) => objectType.target === entity)
      .flatMap((objectType) => objectType.fields ?? [])
      .filter((field) => field.roles?.length || field.middlewares?.length)
      .map((field) => field.schemaName),
  );
  const columns = new Map(manager.connection.getMetadata(entity).columns.map((column) => [column.propertyName, column]));
  const plain = new Map<string, string>();
  for (const [name, field] of Object.entries(type.getFields())) {
    const column = columns.get(name);
    if (!column || field.args.length > 0 || resolved.has(name) || guarded.has(name)) continue;
    const named = getNamedType(field.type);
    const sql = `"${alias}"."${column.databaseName}"`;
    if (isScalarType(named) && SCALAR_COLUMNS[named.name]?.has(column.type)) {
      plain.set(name, named.name === 'DateTimeISO' ? isoTime(sql) : sql);
    } else if (isEnumType(named) && (column.type === 'varchar' || column.type === 'text')) {
      if (named.getValues().every((value) => value.value === value.name)) plain.set(name, sql);
    }
  }
  return plain;
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

/**
 * Plans, for a connection of an entity's records (`edges { cursor node }`, `pageInfo`, `totalCount`), the answer
 * PostgreSQL can write: each node's plain fields built as JSON in the page's own statement and passed through as
 * text, the connection around them written here. Null for any selection it does not know (a field with a resolver,
 * a fragment, a directive, an argument): that selection goes the ordinary way. Plans are kept per selection set,
 * which Apollo keeps per query text, so a repeated query is planned once.
 */
export function connectionPlanner(
  schema: GraphQLSchema,
  connectionTypeName: string,
  manager: EntityManager,
  entity: new () => ObjectLiteral,
  alias: string,
): (set: SelectionSetNode) => ConnectionPlan | null {
  const connectionType = schema.getType(connectionTypeName);
  if (!isObjectType(connectionType)) throw new Error(`${connectionTypeName} is not an object type`);
  const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
  const nodeType = getNamedType(edgeType.getFields().node!.type) as GraphQLObjectType;
  const pageInfoType = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
  let plain: Map<string, string> | null = null;
  const plans = new WeakMap<SelectionSetNode, ConnectionPlan | null>();

  const nodeSql = (set: SelectionSetNode): string | null => {
    plain ??= plainFieldsOf(nodeType, manager, entity, alias);
    const fields = bareFields(set);
    if (!fields || fields.length === 0 || fields.length > MOST_FIELDS) return null;
    const pairs: string[] = [];
    for (const field of fields) {
      if (field.selectionSet) return null;
      const value = field.name.value === '__typename' ? `'${nodeType.name}'::text` : plain.get(field.name.value);
      if (!value) return null;
      pairs.push(`'${responseName(field)}', ${value}`);
    }
    return `json_build_object(${pairs.join(', ')})::text`;
  };

  const plan = (set: SelectionSetNode): ConnectionPlan | null => {
    const fields = bareFields(set);
    if (!fields) return null;
    let json: string | null = null;
    /** Each field of the answer as a function of the page, in the order asked. */
    const parts: Array<(page: Connection<JsonRecord>) => string | Promise<string>> = [];
    for (const field of fields) {
      const key = JSON.stringify(responseName(field));
      const name = field.name.value;
      if (name === '__typename') parts.push(() => `${key}:${JSON.stringify(connectionType.name)}`);
      else if (name === 'totalCount' && !field.selectionSet) parts.push(async (page) => `${key}:${await page.totalCount}`);
      else if (name === 'pageInfo' && field.selectionSet) {
        const infoFields = bareFields(field.selectionSet);
        if (!infoFields?.every((info) => !info.selectionSet && (info.name.value === '__typename' || PAGE_INFO_FIELDS.has(info.name.value))))
          return null;
        parts.push(({ pageInfo }) => {
          const values = infoFields.map((info) => {
            const value = info.name.value === '__typename' ? pageInfoType.name : pageInfo[info.name.value as keyof typeof pageInfo];
            return `${JSON.stringify(responseName(info))}:${JSON.stringify(value)}`;
          });
          return `${key}:{${values.join(',')}}`;
        });
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
          } else if (edgeField.name.value === 'node' && edgeField.selectionSet && json === null) {
            json = nodeSql(edgeField.selectionSet);
            if (!json) return null;
            writers.push((edge) => `${edgeKey}:${edge.node.json}`);
          } else return null;
        }
        parts.push(({ edges }) => `${key}:[${edges.map((edge) => `{${writers.map((write) => write(edge)).join(',')}}`).join(',')}]`);
      } else return null;
    }
    const keyColumns = `"${alias}"."created_at" AS "createdAt", "${alias}"."id" AS "id"`;
    const select = json ? `${json} AS "json", ${keyColumns}` : keyColumns;
    return {
      reading: {
        records: {
          select,
          hydrate: (row) => ({ id: row.id as string, createdAt: row.createdAt as Date, json: (row.json as string | undefined) ?? null }),
        },
        includes: [],
      },
      async write(page) {
        const written = await Promise.all(parts.map((part) => part(page)));
        return `{${written.join(',')}}`;
      },
    };
  };

  return (set) => {
    let known = plans.get(set);
    if (known === undefined) plans.set(set, (known = plan(set)));
    return known;
  };
}
