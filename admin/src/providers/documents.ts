import { inputTypeOf, mutationOf, type ResourceDefinition } from './resources';

/** A document that spreads the resource's `<Type>Detail` fragment carries its definition (and those it spreads). */
function withDetail(definition: ResourceDefinition, document: string) {
  const detail = definition.detail?.toString();
  const name = detail ? /fragment (\w+) on/.exec(detail)?.[1] : undefined;
  return detail && document.includes(`...${name}`) ? `${document}\n${detail}` : document;
}

/**
 * The documents the dataProvider builds from a resource's definition, at run time since their selections and root
 * fields depend on the resource. Codegen cannot type them; `documents.test.ts` validates each one against the schema.
 */

export const searchDocument = (definition: ResourceDefinition, selection: string) =>
  `query Search($q: String!, $first: Int!, $after: String) {
    search(query: $q, types: [${definition.searchType}], first: $first, after: $after) {
      edges { cursor node { record { ... on ${definition.typeName} { ${selection} } } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;

export function listDocument(definition: ResourceDefinition, selection: string) {
  if (definition.list.kind !== 'connection') throw new Error(`${definition.typeName} has no paged list`);
  const { field, filterType } = definition.list;
  return `query List($filter: ${filterType}, $first: Int!, $after: String, $order: ListOrder, $includeDeleted: Boolean) {
    list: ${field}(filter: $filter, first: $first, after: $after, order: $order, includeDeleted: $includeDeleted) {
      totalCount
      edges { node { ${selection} } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;
}

/** A page of a short list read whole, or of the rows of one record (`byTarget`: a record's notes), 100 at a time. */
export function allDocument(definition: ResourceDefinition, selection: string, byTarget: boolean) {
  const page = `edges { node { ${selection} } } pageInfo { hasNextPage endCursor }`;
  if (byTarget)
    return `query All($targetType: AnnotatedRecordType!, $targetId: ID!, $after: String) { all: ${definition.byTarget}(targetType: $targetType, targetId: $targetId, first: 100, after: $after) { ${page} } }`;
  if (definition.list.kind !== 'array') throw new Error(`${definition.typeName} records are read by id or page by page, not as one list`);
  return withDetail(definition, `query All($after: String) { all: ${definition.list.field}(first: 100, after: $after) { ${page} } }`);
}

export const oneDocument = (definition: ResourceDefinition) =>
  withDetail(
    definition,
    `query One($id: ID!, $asOf: DateTimeISO) { one: ${definition.one}(id: $id, includeDeleted: true, asOf: $asOf) { ${definition.fields} } }`,
  );

/** `count` records by id in one request, as aliases `r0`, `r1`…. */
export function manyDocument(definition: ResourceDefinition, count: number) {
  const numbers = Array.from({ length: count }, (_, n) => n);
  const declarations = numbers.map((n) => `$id${n}: ID!`).join(', ');
  const fields = numbers.map((n) => `r${n}: ${definition.one}(id: $id${n}, includeDeleted: true) { ${definition.listFields} }`).join('\n');
  return `query Many(${declarations}) { ${fields} }`;
}

export type WriteVerb = 'create' | 'update' | 'delete' | 'restore';

const INPUT_TYPE_OF = { delete: 'DeleteInput', restore: 'RestoreInput' } as const;

/** A deleted record leaves the lists, so the list's fields are enough; the others answer with the form's fields. */
const selectionOf = (definition: ResourceDefinition, verb: WriteVerb) =>
  verb === 'delete' ? definition.listFields : verb === 'create' ? (definition.create?.selection ?? definition.fields) : definition.fields;

export function writeDocument(definition: ResourceDefinition, verb: WriteVerb) {
  const inputType = verb === 'create' || verb === 'update' ? inputTypeOf(definition, verb) : INPUT_TYPE_OF[verb];
  return withDetail(
    definition,
    `mutation Write($input: ${inputType}!) { result: ${mutationOf(definition, verb)}(input: $input) { ${selectionOf(definition, verb)} } }`,
  );
}
