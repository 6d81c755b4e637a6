/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query VerifiedClaims($first: Int!, $after: String) {\n    claims(first: $first, after: $after, filter: { status: [VERIFIED] }) {\n      edges {\n        node {\n          id\n          version\n          text\n          claimantName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.VerifiedClaimsDocument,
    "\n  subscription ClaimChanges($after: String) {\n    changes(after: $after, recordTypes: [CLAIM]) {\n      cursor\n      kind\n      recordId\n      version\n      record {\n        ... on Claim {\n          text\n          status\n        }\n      }\n    }\n  }\n": typeof types.ClaimChangesDocument,
};
const documents: Documents = {
    "\n  query VerifiedClaims($first: Int!, $after: String) {\n    claims(first: $first, after: $after, filter: { status: [VERIFIED] }) {\n      edges {\n        node {\n          id\n          version\n          text\n          claimantName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.VerifiedClaimsDocument,
    "\n  subscription ClaimChanges($after: String) {\n    changes(after: $after, recordTypes: [CLAIM]) {\n      cursor\n      kind\n      recordId\n      version\n      record {\n        ... on Claim {\n          text\n          status\n        }\n      }\n    }\n  }\n": types.ClaimChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifiedClaims($first: Int!, $after: String) {\n    claims(first: $first, after: $after, filter: { status: [VERIFIED] }) {\n      edges {\n        node {\n          id\n          version\n          text\n          claimantName\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').VerifiedClaimsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClaimChanges($after: String) {\n    changes(after: $after, recordTypes: [CLAIM]) {\n      cursor\n      kind\n      recordId\n      version\n      record {\n        ... on Claim {\n          text\n          status\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ClaimChangesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
