import { type FieldNode, getNamedType, type GraphQLObjectType, isObjectType, Kind, type SelectionSetNode } from 'graphql';

import { bareFields, type JsonShapes, pageInfoWriter, responseName } from '../../core/sql/passthrough.js';
import { NOTHING, type Selection } from '../../core/sql/selection.js';
import type { RequestContext } from '../../graphql/context.js';
import type { PassthroughRoot } from '../../graphql/passthrough.js';
import type { SearchArgs, SearchConnection } from './search.types.js';

/** The GraphQL type of each kind of hit's record. */
const RECORD_TYPES: Record<string, string> = { CLAIM: 'Claim', EVENT: 'Event', ENTITY: 'Entity', SOURCE: 'Source' };

type Hit = SearchConnection['edges'][number];

export interface SearchPlan {
  /** What is asked of the records of each type, for the search's statement. */
  selection: (typeName: string) => Selection;
  write(connection: SearchConnection): string;
}

/**
 * The fields asked of a hit's record, by its type: `__typename` of any, and the fields of inline fragments on one
 * type each, in the order asked, as graphql-js collects them. Null for anything else (a named fragment, a
 * directive, a field asked twice).
 */
function recordFields(set: SelectionSetNode): Map<string, FieldNode[]> | null {
  const byType = new Map(Object.values(RECORD_TYPES).map((type) => [type, [] as FieldNode[]]));
  for (const node of set.selections) {
    if (node.directives?.length) return null;
    if (node.kind === Kind.FIELD && node.name.value === '__typename' && !node.arguments?.length) {
      for (const fields of byType.values()) fields.push(node);
    } else if (node.kind === Kind.INLINE_FRAGMENT && node.typeCondition) {
      const fields = byType.get(node.typeCondition.name.value);
      const inner = bareFields(node.selectionSet);
      if (!fields || !inner) return null;
      fields.push(...inner);
    } else return null;
  }
  for (const fields of byType.values()) {
    if (new Set(fields.map(responseName)).size !== fields.length) return null;
  }
  return byType;
}

/**
 * `search` written by Node from the search's one statement, without graphql execution, when its hits' records are
 * asked only their own columns: the statement already reads those, ranks and snippets, and PostgreSQL's visibility
 * is the service's own. Anything else goes the ordinary way.
 */
export function searchPassthrough(shapes: JsonShapes): PassthroughRoot<SearchPlan> {
  const connectionType = shapes.schema.getType('SearchConnection');
  if (!isObjectType(connectionType)) throw new Error('SearchConnection is not an object type');
  const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
  const hitType = getNamedType(edgeType.getFields().node!.type) as GraphQLObjectType;
  const pageInfoType = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
  const scoreType = getNamedType(hitType.getFields().score!.type) as { serialize(value: unknown): unknown };
  const writer = shapes.writer(false);
  const plans = new WeakMap<SelectionSetNode, SearchPlan | null>();

  const hitWriter = (set: SelectionSetNode, selections: Map<string, Selection>): ((hit: Hit['node']) => string) | null => {
    const fields = bareFields(set);
    if (!fields) return null;
    const parts: Array<(hit: Hit['node']) => string> = [];
    for (const field of fields) {
      const key = `${JSON.stringify(responseName(field))}:`;
      const name = field.name.value;
      if (name === 'record' && field.selectionSet && !selections.size) {
        const byType = recordFields(field.selectionSet);
        if (!byType) return null;
        const writers = new Map<string, (record: Record<string, unknown>) => string>();
        for (const [typeName, typeFields] of byType) {
          const write = typeFields.length === 0 ? () => '{}' : writer.record(typeName, typeFields);
          if (!write) return null;
          writers.set(typeName, write);
          selections.set(
            typeName,
            new Map(
              typeFields.filter((typeField) => typeField.name.value !== '__typename').map((typeField) => [typeField.name.value, NOTHING]),
            ),
          );
        }
        parts.push((hit) => key + writers.get(RECORD_TYPES[hit.type]!)!(hit.record as unknown as Record<string, unknown>));
      } else if (field.selectionSet) return null;
      else if (name === '__typename') parts.push(() => key + JSON.stringify(hitType.name));
      else if (name === 'type' || name === 'snippet') parts.push((hit) => key + JSON.stringify(hit[name]));
      else if (name === 'score') parts.push((hit) => key + JSON.stringify(scoreType.serialize(hit.score)));
      else return null;
    }
    return (hit) => `{${parts.map((part) => part(hit)).join(',')}}`;
  };

  const plan = (set: SelectionSetNode): SearchPlan | null => {
    const fields = bareFields(set);
    if (!fields) return null;
    const selections = new Map<string, Selection>();
    const parts: Array<(connection: SearchConnection) => string> = [];
    let edged = false;
    for (const field of fields) {
      const key = `${JSON.stringify(responseName(field))}:`;
      const name = field.name.value;
      if (name === '__typename' && !field.selectionSet) parts.push(() => key + JSON.stringify(connectionType.name));
      else if (name === 'pageInfo' && field.selectionSet) {
        const info = pageInfoWriter(field.selectionSet, pageInfoType.name);
        if (!info) return null;
        parts.push(({ pageInfo }) => key + info(pageInfo));
      } else if (name === 'edges' && field.selectionSet && !edged) {
        edged = true;
        const edgeFields = bareFields(field.selectionSet);
        if (!edgeFields) return null;
        const edgeParts: Array<(edge: Hit) => string> = [];
        for (const edgeField of edgeFields) {
          const edgeKey = `${JSON.stringify(responseName(edgeField))}:`;
          if (edgeField.name.value === '__typename' && !edgeField.selectionSet)
            edgeParts.push(() => edgeKey + JSON.stringify(edgeType.name));
          else if (edgeField.name.value === 'cursor' && !edgeField.selectionSet)
            edgeParts.push((edge) => edgeKey + JSON.stringify(edge.cursor));
          else if (edgeField.name.value === 'node' && edgeField.selectionSet) {
            const hit = hitWriter(edgeField.selectionSet, selections);
            if (!hit) return null;
            edgeParts.push((edge) => edgeKey + hit(edge.node));
          } else return null;
        }
        parts.push(({ edges }) => `${key}[${edges.map((edge) => `{${edgeParts.map((part) => part(edge)).join(',')}}`).join(',')}]`);
      } else return null;
    }
    return {
      selection: (typeName) => selections.get(typeName) ?? NOTHING,
      write: (connection) => `{${parts.map((part) => part(connection)).join(',')}}`,
    };
  };

  return {
    field: 'search',
    plan(set) {
      let planned = plans.get(set);
      if (planned === undefined) plans.set(set, (planned = plan(set)));
      return planned;
    },
    async answer(planned, args, context) {
      const { services, viewer } = context as RequestContext;
      return planned.write(await services.search.search(viewer, args as unknown as SearchArgs, planned.selection));
    },
  };
}
