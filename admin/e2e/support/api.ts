import { inject } from 'vitest';

/** Reads the public API directly, as a client app would, to pick records for a test to open in the console. */
export async function publicQuery<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${inject('consoleUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function verifiedClaim(containing: string): Promise<{ id: string; text: string; modality: string }> {
  const data = await publicQuery(
    `query($q: String!) { search(query: $q, types: [CLAIM], first: 1) { edges { node { record { ... on Claim { id text modality } } } } } }`,
    { q: containing },
  );
  const claim = data.search.edges[0]?.node.record;
  if (!claim) throw new Error(`No verified claim matches "${containing}"`);
  return claim;
}
