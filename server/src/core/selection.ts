import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a query asks for under a field, by field name (aliases and fragments merged, `@skip`/`@include`
 * applied): enough for a list to read the records its page will be asked for in the same statement as the page.
 */
export type Selection = ReadonlyMap<string, Selection>;

export const NOTHING: Selection = new Map();

type Collected = Map<string, SelectionSetNode[]>;

function collect(set: SelectionSetNode, info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>, into: Collected, seen: Set<string>): void {
  for (const node of set.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) continue;
    if (getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if === false) continue;
    if (node.kind === Kind.FIELD) {
      const sets = into.get(node.name.value) ?? [];
      if (node.selectionSet) sets.push(node.selectionSet);
      into.set(node.name.value, sets);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, info, into, seen);
    } else if (!seen.has(node.name.value)) {
      seen.add(node.name.value);
      const fragment: FragmentDefinitionNode | undefined = info.fragments[node.name.value];
      if (fragment) collect(fragment.selectionSet, info, into, seen);
    }
  }
}

function selectionOfSets(sets: readonly SelectionSetNode[], info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>): Selection {
  if (sets.length === 0) return NOTHING;
  const collected: Collected = new Map();
  for (const set of sets) collect(set, info, collected, new Set());
  return new Map([...collected].map(([name, children]) => [name, selectionOfSets(children, info)]));
}

/** What is asked for under the field being resolved. */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): Selection {
  return selectionOfSets(
    info.fieldNodes.flatMap((node: FieldNode) => (node.selectionSet ? [node.selectionSet] : [])),
    info,
  );
}

/** What is asked for of each record of a connection (its `edges { node }`). */
export const nodeSelection = (connection: Selection): Selection => connection.get('edges')?.get('node') ?? NOTHING;

/** A selection with more fields, for what a resolver reads besides what was asked. */
export const withFields = (selection: Selection, ...names: string[]): Selection => new Map([...selection, ...names.map((name) => [name, NOTHING] as const)]);
