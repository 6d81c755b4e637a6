/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What one write did to a record as the caller sees it. */
export type ChangeKind =
  /** The caller can now read it: created, verified, restored, or sent back to what they may see. */
  | 'APPEARED'
  /** The caller could read it before and still can; its content or status changed (an edit, a retraction). */
  | 'CHANGED'
  /** The caller can no longer read it: deleted, sent back to review, disputed or rejected. */
  | 'DISAPPEARED';

/** Where a claim or an event stands in review. Anonymous callers and client apps see VERIFIED and RETRACTED records only. */
export type ReviewStatus =
  /** A reviewer questioned it; editing it, or sending it again, puts it back in review. */
  | 'DISPUTED'
  /** Being written; not yet sent to review. */
  | 'DRAFT'
  /** Waiting for a reviewer. An edit to a VERIFIED, DISPUTED or REJECTED record puts it back here. */
  | 'IN_REVIEW'
  /** A reviewer judged it wrong or unsupported. */
  | 'REJECTED'
  /** Withdrawn after it was verified; still shown, flagged `retracted`, so nobody relies on it unawares. */
  | 'RETRACTED'
  /** A reviewer checked it against its evidence. */
  | 'VERIFIED';

export type VerifiedClaimsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type VerifiedClaimsQuery = { claims: { edges: Array<{ node: { id: string, version: number, text: string, claimantName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClaimChangesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ClaimChangesSubscription = { changes: { cursor: string, kind: ChangeKind, recordId: string, version: number, record:
      | { text: string, status: ReviewStatus }
      | Record<PropertyKey, never>
     | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const VerifiedClaimsDocument = new TypedDocumentString(`
    query VerifiedClaims($first: Int!, $after: String) {
  claims(first: $first, after: $after, filter: {status: [VERIFIED]}) {
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
    `) as unknown as TypedDocumentString<VerifiedClaimsQuery, VerifiedClaimsQueryVariables>;
export const ClaimChangesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ClaimChangesSubscription, ClaimChangesSubscriptionVariables>;