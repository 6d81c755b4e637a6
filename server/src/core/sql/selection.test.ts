import { buildSchema, type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { nodeSelection, type Selection, selectionOf, selectionOfType, withFields } from './selection.js';

/** What a resolver of the query's first field would be given, for a query as a client sends it. */
function infoFor(query: string, variableValues: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, variableValues };
}

/** A selection as nested plain objects, to compare. */
const plain = (selection: Selection): Record<string, unknown> =>
  Object.fromEntries([...selection].map(([name, sub]) => [name, plain(sub)]));

describe('selectionOf', () => {
  it('names fields, not aliases, and merges what fragments and repeated fields ask for', () => {
    const info = infoFor(`
      query { claims { edges { node {
        id said: claimantName
        evidence { selector { exact } }
        ...More
        ... on Claim { evidence { source { title } } }
      } } } }
      fragment More on Claim { evidence { selector { start } } claimant { name } }`);
    expect(plain(nodeSelection(selectionOf(info)))).toEqual({
      id: {},
      claimantName: {},
      evidence: { selector: { exact: {}, start: {} }, source: { title: {} } },
      claimant: { name: {} },
    });
  });

  it('leaves out what @skip and @include leave out, as the executor will', () => {
    const query = `query($on: Boolean!) { claims { edges { node { id evidence @include(if: $on) { id } claimant @skip(if: $on) { id } } } } }`;
    expect(plain(nodeSelection(selectionOf(infoFor(query, { on: true }))))).toEqual({ id: {}, evidence: { id: {} } });
    expect(plain(nodeSelection(selectionOf(infoFor(query, { on: false }))))).toEqual({ id: {}, claimant: { id: {} } });
  });

  it('reads each fragment once however often it is spread under fields of one name, rather than once per spread', () => {
    // Followed afresh at every spread this is 2^20 visits (about 5 s); the validation limits refuse it before any resolver runs,
    // but the reader must not depend on them.
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i + 1} on Claim { parent { ...F${i} } parent { id ...F${i} } }`,
    ).join(' ');
    const started = performance.now();
    let selection = selectionOf(infoFor(`query { claim { ...F20 } } fragment F0 on Claim { text } ${fragments}`));
    expect(performance.now() - started).toBeLessThan(1000);
    for (let level = 0; level < 20; level++) {
      expect([...selection.keys()].sort()).toEqual(level === 0 ? ['parent'] : ['id', 'parent']);
      selection = selection.get('parent')!;
    }
    expect(plain(selection)).toEqual({ id: {}, text: {} });
  });

  it('adds the fields a resolver reads besides those asked for', () => {
    expect(plain(withFields(selectionOf(infoFor(`{ claimant { id } }`)), 'name'))).toEqual({ id: {}, name: {} });
  });
});

describe('selectionOfType', () => {
  const schema = buildSchema(`
    type Query { search: [Hit] }
    type Hit { record: Found }
    interface Named { name: String }
    type Claim { id: ID text: String claimant: Entity }
    type Entity implements Named { id: ID name: String }
    union Found = Claim | Entity`);

  it("keeps what fragments on the type, on no type and on an abstract type it belongs to ask for, and leaves out the others'", () => {
    const info = {
      ...infoFor(`
        { search { record {
          __typename
          ... { id }
          ... on Claim { text claimant { name } }
          ... on Entity { name }
          ...Names
          ...ClaimantOfClaim
        } } }
        fragment Names on Named { name }
        fragment ClaimantOfClaim on Claim { claimant { id } }`),
      schema,
    };
    expect(plain(selectionOfType(info, ['record'], 'Claim'))).toEqual({ __typename: {}, id: {}, text: {}, claimant: { name: {}, id: {} } });
    expect(plain(selectionOfType(info, ['record'], 'Entity'))).toEqual({ __typename: {}, id: {}, name: {} });
  });

  it('is empty when the path is not asked for', () => {
    expect(plain(selectionOfType({ ...infoFor(`{ search { __typename } }`), schema }, ['record'], 'Claim'))).toEqual({});
  });
});
