import { graphql } from '../gql';
import type { RecordType, RevisionOperation } from '../gql/graphql';
import { request } from './graphql';

/** What a reviewer narrows the audit trail to; the same names are its CSV export's query parameters. */
export interface AuditFilter {
  actor: string | null;
  since: string | null;
  until: string | null;
  recordType: RecordType | null;
  operation: RevisionOperation | null;
}

const AUDIT_TRAIL = graphql(`
  query AuditTrail(
    $actor: String
    $since: DateTimeISO
    $until: DateTimeISO
    $recordType: RecordType
    $operation: RevisionOperation
    $first: Int
    $after: String
  ) {
    auditTrail(actor: $actor, since: $since, until: $until, recordType: $recordType, operation: $operation, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          recordType
          recordId
          version
          operation
          reason
          actor
          actorName
          createdAt
          hash
          prevHash
        }
      }
    }
  }
`);
const CHAIN_STATUS = graphql(`
  query ChainStatus($recordType: RecordType!, $recordId: ID!) {
    chainStatus(recordType: $recordType, recordId: $recordId) {
      verified
      version
      headHash
      covered
      coveredVersion
      problem {
        kind
        version
        problem
      }
      checkpoint {
        id
        logPosition
        treeSize
        rootHash
        createdAt
      }
    }
  }
`);
const LOG_VERIFICATIONS = graphql(`
  query LogVerifications {
    logVerifications(last: 5) {
      id
      status
      startedBy
      startedAt
      finishedAt
      totalRevisions
      records
      revisions
      problems
      firstBreak
      checkpointsChecked
      checkpointsRecomputed
      checkpointProblems
      error
    }
    checkpoints(last: 5) {
      id
      logPosition
      treeSize
      rootHash
      createdAt
      keyId
    }
  }
`);
const AUDIT_ACTORS = graphql(`
  query AuditActors($search: String) {
    auditActors(search: $search, first: 50) {
      actor
      name
      kind
      gone
    }
  }
`);
const START_LOG_VERIFICATION = graphql(`
  mutation StartLogVerification {
    startLogVerification {
      id
      status
    }
  }
`);

/** The audit screen's and the history's reads of the log's integrity, as custom methods of the dataProvider. */
export const auditOperations = {
  async auditTrail(filter: AuditFilter, after: string | null = null) {
    return (await request(AUDIT_TRAIL, { ...filter, first: 50, after })).auditTrail;
  },
  async auditActors(search: string | null) {
    return (await request(AUDIT_ACTORS, { search })).auditActors;
  },
  async chainStatus(params: { recordType: RecordType; recordId: string }) {
    return (await request(CHAIN_STATUS, params)).chainStatus;
  },
  logVerifications: () => request(LOG_VERIFICATIONS),
  async startLogVerification() {
    return (await request(START_LOG_VERIFICATION)).startLogVerification;
  },
};

/** The CSV export of what `auditTrail` shows with the same filters. */
export function auditTrailCsvUrl(filter: AuditFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return `/exports/audit-trail.csv${text ? `?${text}` : ''}`;
}
