import {
  type ASTNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  /** Selections (fields, fragment spreads, inline fragments) once every fragment is spread where it is used. */
  maxSelections: number;
}

/** What a selection set amounts to with its fragments spread; counts stop growing past Number.MAX_SAFE_INTEGER. */
interface Shape {
  depth: number;
  aliases: number;
  selections: number;
}

const EMPTY: Shape = { depth: 0, aliases: 0, selections: 0 };

const add = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER);

/**
 * Refuses, before any resolver runs, operations nested deeper than `maxDepth` fields, with more than `maxAliases`
 * aliases, or more than `maxSelections` selections, counted as the operation runs them: a fragment spread ten times
 * counts ten times, since it does that work ten times. Each fragment is measured once and its shape reused, so the
 * check is linear in the document's length, where following every spread afresh would be exponential in it
 * (`fragment F1 on Claim { ...F0 ...F0 }`, F2 spreading F1 twice, and so on, is 2^n selections in 9n tokens).
 * Bounding the selections here also bounds every later walk that follows spreads: the cost limit, the compiler.
 */
export function documentLimits({ maxDepth, maxAliases, maxSelections }: DocumentLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const measured = new Map<string, Shape>();
    // A cycle is refused by graphql's NoFragmentCycles; here a fragment met again inside itself counts as empty.
    const measuring = new Set<string>();
    const fragmentShape = (name: string): Shape => {
      const known = measured.get(name);
      if (known) return known;
      const fragment = fragments.get(name);
      if (!fragment || measuring.has(name)) return EMPTY;
      measuring.add(name);
      const shape = shapeOf(fragment.selectionSet);
      measuring.delete(name);
      measured.set(name, shape);
      return shape;
    };
    const shapeOf = (selectionSet: SelectionSetNode | undefined): Shape => {
      if (!selectionSet) return EMPTY;
      const shape = { ...EMPTY };
      for (const selection of selectionSet.selections) {
        shape.selections = add(shape.selections, 1);
        const inner = selection.kind === Kind.FRAGMENT_SPREAD ? fragmentShape(selection.name.value) : shapeOf(selection.selectionSet);
        shape.selections = add(shape.selections, inner.selections);
        shape.aliases = add(shape.aliases, inner.aliases);
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) shape.aliases = add(shape.aliases, 1);
          // Introspection is answered from the schema in memory, however deep it goes.
          if (!selection.name.value.startsWith('__')) shape.depth = Math.max(shape.depth, 1 + inner.depth);
        } else {
          shape.depth = Math.max(shape.depth, inner.depth);
        }
      }
      return shape;
    };
    const refuse = (message: string, node: ASTNode) => context.reportError(new GraphQLError(message, { nodes: [node] }));
    return {
      OperationDefinition(operation) {
        const { depth, aliases, selections } = shapeOf(operation.selectionSet);
        if (depth > maxDepth) refuse(`The query is ${depth} levels deep; at most ${maxDepth} are allowed`, operation);
        if (aliases > maxAliases) refuse(`The query uses ${aliases} aliases; at most ${maxAliases} are allowed`, operation);
        if (selections > maxSelections) {
          refuse(
            `The query makes ${selections} selections, counting each fragment as often as it is spread; at most ${maxSelections} are allowed`,
            operation,
          );
        }
      },
    };
  };
}
