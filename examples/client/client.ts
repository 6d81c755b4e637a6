/**
 * A client app in TypeScript: typed documents generated from the server's schema (`gql/`, by graphql-codegen's client
 * preset), a query paged with `first`/`after`, and the change feed followed live over WebSocket. docs/api.md shows it;
 * admin/src/client-example.test.ts compiles it and fails when `gql/` is stale.
 */
import { createClient } from 'graphql-ws';

import { graphql } from './gql';
import type { ClaimChangesSubscription, TypedDocumentString, VerifiedClaimsQuery } from './gql/graphql';

const API = 'https://your-host/graphql';
const API_KEY = 'psk_...';

const VERIFIED_CLAIMS = graphql(`
  query VerifiedClaims($first: Int!, $after: String) {
    claims(first: $first, after: $after, filter: { status: [VERIFIED] }) {
      edges {
        node {
          id
          version
          text
          claimantName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CLAIM_CHANGES = graphql(`
  subscription ClaimChanges($after: String) {
    changes(after: $after, recordTypes: [CLAIM]) {
      cursor
      kind
      recordId
      version
      record {
        ... on Claim {
          text
          status
        }
      }
    }
  }
`);

/** One request, typed by its document: the variables it takes and the data it answers. */
async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.map((error) => `${error.extensions?.code}: ${error.message}`).join('; '));
  return body.data;
}

/** Every verified claim, a page of 100 at a time. */
export async function* verifiedClaims() {
  let after: string | null = null;
  for (;;) {
    const { claims }: VerifiedClaimsQuery = await request(VERIFIED_CLAIMS, { first: 100, after });
    for (const { node } of claims.edges) yield node;
    if (!claims.pageInfo.hasNextPage) return;
    after = claims.pageInfo.endCursor;
  }
}

/** Follows the claims the key may read as they change, from `after` on; answers a function that stops. */
export function followClaims(after: string | null, onChange: (cursor: string, claimId: string, text: string | null) => void): () => void {
  const client = createClient({ url: API.replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${API_KEY}` } });
  const stop = client.subscribe<ClaimChangesSubscription>(
    { query: CLAIM_CHANGES.toString(), variables: { after } },
    {
      // Keep the last cursor: subscribing again from it after a disconnect misses nothing.
      next: ({ data }) => {
        const record = data?.changes.record;
        if (data) onChange(data.changes.cursor, data.changes.recordId, record && 'text' in record ? record.text : null);
      },
      error: (error) => console.error(error),
      complete: () => undefined,
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
