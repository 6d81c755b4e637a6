import {
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields a query asks for under a field, by field name (aliases and fragments merged, `@skip`/`@include`
 * applied): enough for a list to read the records its page will be asked for in the same statement as the page.
 */
export type Selection = ReadonlyMap<string, Selection>;

export const NOTHING: Selection = new Map();

type Collected = Map<string, SelectionSetNode[]>;

type Document = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

/** Whether the fields of a fragment on a type (its type condition) apply. */
type Applies = (typeCondition: string) => boolean;

const always: Applies = () => true;

function collect(set: SelectionSetNode, info: Document, into: Collected, seen: Set<string>, applies: Applies): void {
  for (const node of set.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) continue;
    if (getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if === false) continue;
    if (node.kind === Kind.FIELD) {
      const sets = into.get(node.name.value) ?? [];
      if (node.selectionSet) sets.push(node.selectionSet);
      into.set(node.name.value, sets);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      if (!node.typeCondition || applies(node.typeCondition.name.value)) collect(node.selectionSet, info, into, seen, applies);
    } else if (!seen.has(node.name.value)) {
      seen.add(node.name.value);
      const fragment: FragmentDefinitionNode | undefined = info.fragments[node.name.value];
      if (fragment && applies(fragment.typeCondition.name.value)) collect(fragment.selectionSet, info, into, seen, applies);
    }
  }
}

/**
 * A fragment spread again among the sets adds nothing it has not added already, so it is followed once across all
 * of them: followed once per set, a fragment spread twice under a field spread twice is read four times, and so on
 * down, exponentially in the depth.
 */
function collectAll(sets: readonly SelectionSetNode[], info: Document, applies: Applies = always): Collected {
  const collected: Collected = new Map();
  const seen = new Set<string>();
  for (const set of sets) collect(set, info, collected, seen, applies);
  return collected;
}

function selectionOfSets(sets: readonly SelectionSetNode[], info: Document, applies: Applies = always): Selection {
  if (sets.length === 0) return NOTHING;
  return new Map([...collectAll(sets, info, applies)].map(([name, children]) => [name, selectionOfSets(children, info)]));
}

const setsOf = (info: Pick<GraphQLResolveInfo, 'fieldNodes'>) =>
  info.fieldNodes.flatMap((node: FieldNode) => (node.selectionSet ? [node.selectionSet] : []));

/** What is asked for under the field being resolved. */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): Selection {
  return selectionOfSets(setsOf(info), info);
}

/**
 * What is asked for of the records of one object type at a path of fields below the field being resolved, where
 * the path ends at a union or an interface: fragments on the other object types are left out, since the records
 * of this type are never asked their fields.
 */
export function selectionOfType(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema'>,
  path: readonly string[],
  typeName: string,
): Selection {
  const sets = path.reduce((at, field) => collectAll(at, info).get(field) ?? [], setsOf(info));
  const type = info.schema.getType(typeName);
  const applies = (condition: string) => {
    const on = info.schema.getType(condition);
    return condition === typeName || (isAbstractType(on) && (!isObjectType(type) || info.schema.isSubType(on, type)));
  };
  return selectionOfSets(sets, info, applies);
}

/** What is asked for of each record of a connection (its `edges { node }`). */
export const nodeSelection = (connection: Selection): Selection => connection.get('edges')?.get('node') ?? NOTHING;

/** A selection with more fields, for what a resolver reads besides what was asked. */
export const withFields = (selection: Selection, ...names: string[]): Selection =>
  new Map([...selection, ...names.map((name) => [name, NOTHING] as const)]);
