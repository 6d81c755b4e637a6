import type { Identifier } from 'react-admin';

import { graphql } from '../gql';
import type {
  ChangePasswordInput,
  ClaimFilter,
  ConfirmEvidenceInput,
  CorrectSourceTextInput,
  CreateEvidenceInput,
  EventFilter,
  ImportSourceInput,
  MergeEntitiesInput,
  RecordNewNameInput,
  RecordType,
  RevertInput,
  ReviewInput,
  ReviewQueueQuery,
  SearchType,
  StartImportBatchInput,
  SubmitForReviewInput,
  UpdateAnnotationInput,
  UpdateEvidenceInput,
} from '../gql/graphql';
import { request } from './graphql';

/** A revision's per-field change, as the API's `changes` JSON holds it. */
type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The console's operations beyond react-admin's CRUD, as custom methods of the dataProvider: each a document typed by
 * codegen from `server/schema.graphql`. Components reach them through `useApi()`.
 */

const REVISIONS = graphql(`
  query History($recordId: ID!, $recordType: RecordType!) {
    revisions(recordId: $recordId, recordType: $recordType) {
      id
      version
      operation
      changes
      state
      reason
      actor
      actorName
      createdAt
      requestId
      hash
      prevHash
    }
  }
`);
const REVERT = graphql(`
  mutation Revert($input: RevertInput!) {
    revert(input: $input) {
      ... on Claim {
        id
        version
      }
      ... on Event {
        id
        version
      }
      ... on Entity {
        id
        version
      }
      ... on Source {
        id
        version
      }
      ... on Evidence {
        id
        version
      }
      ... on Annotation {
        id
        version
      }
    }
  }
`);
const REVIEW = graphql(`
  mutation Review($input: ReviewInput!) {
    review(input: $input) {
      ... on Claim {
        id
        version
        status
      }
      ... on Event {
        id
        version
        status
      }
    }
  }
`);
const SUBMIT = graphql(`
  mutation Submit($input: SubmitForReviewInput!) {
    submitForReview(input: $input) {
      ... on Claim {
        id
        version
        status
      }
      ... on Event {
        id
        version
        status
      }
    }
  }
`);
const REVIEW_QUEUE = graphql(`
  query ReviewQueue($after: String) {
    reviewQueue(first: 25, after: $after) {
      edges {
        node {
          recordType
          submittedAt
          submittedBy
          submittedByName
          sentBack
          submittedReason
          lastEditedBy
          lastVerifiedVersion
          changesSinceVerified
          evidenceChangesSinceVerified {
            evidence {
              id
            }
            before {
              exact
            }
            beforeStatus
            after {
              exact
            }
            afterStatus
            changedBy
            changedAt
            reason
          }
          record {
            ... on Claim {
              id
              version
              status
              text
              claimantName
              attribution
              modality
              evidence {
                id
                anchorStatus
                context(chars: 200) {
                  before
                  exact
                  after
                }
                source {
                  id
                  title
                }
              }
            }
            ... on Event {
              id
              version
              status
              title
              summary
              evidence {
                id
                anchorStatus
                context(chars: 200) {
                  before
                  exact
                  after
                }
                source {
                  id
                  title
                }
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
    }
  }
`);

const EVENT_TYPES = graphql(`
  query EventTypes {
    eventTypes {
      code
      label
    }
  }
`);
const MERGE_ENTITIES = graphql(`
  mutation MergeEntities($input: MergeEntitiesInput!) {
    mergeEntities(input: $input) {
      id
    }
  }
`);
const RECORD_NEW_NAME = graphql(`
  mutation RecordNewName($input: RecordNewNameInput!) {
    recordNewName(input: $input) {
      movedClaims
      movedEvents
      entity {
        id
      }
    }
  }
`);

const DASHBOARD_COUNTS = graphql(`
  query DashboardCounts {
    claims_DRAFT: claims(filter: { status: [DRAFT] }, first: 1) {
      totalCount
    }
    events_DRAFT: events(filter: { status: [DRAFT] }, first: 1) {
      totalCount
    }
    claims_IN_REVIEW: claims(filter: { status: [IN_REVIEW] }, first: 1) {
      totalCount
    }
    events_IN_REVIEW: events(filter: { status: [IN_REVIEW] }, first: 1) {
      totalCount
    }
    claims_VERIFIED: claims(filter: { status: [VERIFIED] }, first: 1) {
      totalCount
    }
    events_VERIFIED: events(filter: { status: [VERIFIED] }, first: 1) {
      totalCount
    }
    claims_DISPUTED: claims(filter: { status: [DISPUTED] }, first: 1) {
      totalCount
    }
    events_DISPUTED: events(filter: { status: [DISPUTED] }, first: 1) {
      totalCount
    }
    claims_REJECTED: claims(filter: { status: [REJECTED] }, first: 1) {
      totalCount
    }
    events_REJECTED: events(filter: { status: [REJECTED] }, first: 1) {
      totalCount
    }
    claims_RETRACTED: claims(filter: { status: [RETRACTED] }, first: 1) {
      totalCount
    }
    events_RETRACTED: events(filter: { status: [RETRACTED] }, first: 1) {
      totalCount
    }
    sources(first: 1) {
      totalCount
    }
    entities(first: 1) {
      totalCount
    }
  }
`);
const TIMELINE = graphql(`
  query Timeline {
    events(first: 100) {
      edges {
        node {
          id
          title
          status
          start {
            date
            precision
            latest
          }
          end {
            date
            precision
            latest
          }
          timeExpression
        }
      }
    }
  }
`);
const LATEST_CHANGES = graphql(`
  query LatestChanges($actor: String) {
    auditTrail(actor: $actor, first: 15) {
      totalCount
      edges {
        node {
          id
          recordType
          recordId
          operation
          reason
          actorName
          createdAt
        }
      }
    }
  }
`);

const START_IMPORT_BATCH = graphql(`
  mutation StartImportBatch($input: StartImportBatchInput!) {
    startImportBatch(input: $input) {
      id
    }
  }
`);

const IMPORT_BATCH = graphql(`
  query ImportBatch($id: ID!) {
    importBatch(id: $id) {
      id
      total
      done
      failed
      pending
      finishedAt
      items {
        id
        position
        fileName
        status
        attempts
        sourceId
        sourceTitle
        claimsProposed
        eventsProposed
        error
      }
    }
  }
`);

const IMPORT_SOURCE = graphql(`
  mutation ImportSource($input: ImportSourceInput!) {
    importSource(input: $input) {
      source {
        id
        title
        storySources {
          id
          title
        }
        reprintOf {
          id
          title
        }
      }
      duplicates {
        similarity
        source {
          id
          title
        }
      }
      repeatedParagraphs
      claimsProposed
      eventsProposed
      claimsCorroborating
      eventsCorroborating
      folded
      newNames
      steps
    }
  }
`);
/**
 * Within the API's query cost limit, with the context of each proposal's words and the story of its source: the
 * claims most worth checking of all that wait, ranked by the API, and the oldest events.
 */
export const PROPOSALS_PAGE = 40;
const PROPOSED_CLAIMS = graphql(`
  query ProposedClaims($filter: ClaimFilter, $first: Int!) {
    claims(filter: $filter, first: $first, order: OLDEST_FIRST, ranking: CHECK_WORTHINESS) {
      totalCount
      edges {
        node {
          id
          version
          text
          claimantName
          attribution
          modality
          checkWorthiness
          corroborates {
            id
            text
            status
          }
          evidence {
            id
            context(chars: 120) {
              before
              exact
              after
            }
            source {
              id
              title
            }
          }
        }
      }
    }
  }
`);
const PROPOSED_EVENTS = graphql(`
  query ProposedEvents($filter: EventFilter, $first: Int!) {
    events(filter: $filter, first: $first, order: OLDEST_FIRST) {
      totalCount
      edges {
        node {
          id
          version
          title
          timeExpression
          start {
            date
            precision
          }
          eventType: type {
            label
          }
          modality
          datesMorePrecisely
          corroborates {
            id
            title
            status
            start {
              date
              precision
            }
          }
          evidence {
            id
            context(chars: 120) {
              before
              exact
              after
            }
            source {
              id
              title
            }
          }
        }
      }
    }
    annotationThreads(filter: { tag: "new-name", resolved: false }, first: 100) {
      edges {
        node {
          id
          version
          body
          targetId
          span {
            selector {
              exact
            }
          }
        }
      }
    }
  }
`);
/** The sources on the story of a proposal's source; asked once per source, not per proposal, within the cost limit. */
const SOURCE_STORY = graphql(`
  query SourceStory($id: ID!) {
    source(id: $id) {
      id
      storySources {
        id
        title
      }
    }
  }
`);
const ACCEPT_PROPOSAL = graphql(`
  mutation AcceptProposal($input: AcceptProposalInput!) {
    acceptProposal(input: $input) {
      __typename
    }
  }
`);
const MERGE_PROPOSAL = graphql(`
  mutation MergeProposal($input: MergeProposalInput!) {
    mergeProposal(input: $input) {
      __typename
    }
  }
`);
const DISCARD_CLAIM = graphql(`
  mutation DiscardClaim($input: DeleteInput!) {
    deleteClaim(input: $input) {
      id
    }
  }
`);
const DISCARD_EVENT = graphql(`
  mutation DiscardEvent($input: DeleteInput!) {
    deleteEvent(input: $input) {
      id
    }
  }
`);
const RESOLVE_NOTE = graphql(`
  mutation ResolveNote($input: UpdateAnnotationInput!) {
    updateAnnotation(input: $input) {
      id
    }
  }
`);
const FIND_RECORDS = graphql(`
  query FindRecords($q: String!, $types: [SearchType!]) {
    search(query: $q, types: $types, first: 15) {
      edges {
        node {
          record {
            ... on Claim {
              id
              text
            }
            ... on Event {
              id
              title
            }
          }
        }
      }
    }
  }
`);

const READER_SOURCE = graphql(`
  query ReaderSource($id: ID!) {
    source(id: $id) {
      id
      version
      title
      currentRevision {
        id
        number
        text
        blocks {
          start
          end
          kind
          repeatOf
        }
      }
    }
  }
`);
/** Within the API's query cost limit with the evidence of each record. */
const READER_PAGE = 50;
const READER_CLAIMS = graphql(`
  query ReaderClaims($filter: ClaimFilter, $first: Int!, $after: String) {
    claims(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          text
          status
          evidence {
            id
            version
            anchorStatus
            selector {
              exact
              start
              end
            }
            sourceRevision {
              id
              number
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const READER_EVENTS = graphql(`
  query ReaderEvents($filter: EventFilter, $first: Int!, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          title
          status
          evidence {
            id
            version
            anchorStatus
            selector {
              exact
              start
              end
            }
            sourceRevision {
              id
              number
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const CREATE_EVIDENCE = graphql(`
  mutation CreateEvidence($input: CreateEvidenceInput!) {
    createEvidence(input: $input) {
      id
    }
  }
`);
const RESELECT_EVIDENCE = graphql(`
  mutation ReselectEvidence($input: UpdateEvidenceInput!) {
    updateEvidence(input: $input) {
      id
      anchorStatus
    }
  }
`);
const CONFIRM_EVIDENCE = graphql(`
  mutation ConfirmEvidence($input: ConfirmEvidenceInput!) {
    confirmEvidence(input: $input) {
      id
      anchorStatus
    }
  }
`);
const CORRECT_SOURCE_TEXT = graphql(`
  mutation CorrectSourceText($input: CorrectSourceTextInput!) {
    correctSourceText(input: $input) {
      preview
      anchored
      fuzzy
      orphaned
      annotationsMoved
      revision {
        number
      }
      reopened {
        __typename
        ... on Claim {
          id
          text
          status
          reReview {
            since
          }
        }
        ... on Event {
          id
          title
          status
          reReview {
            since
          }
        }
      }
      changes {
        status
        method
        similarity
        before {
          exact
          start
        }
        after {
          exact
          start
        }
        evidence {
          id
          claim {
            id
            text
          }
          event {
            id
            title
          }
        }
      }
    }
  }
`);

/** Pages through a connection to its end: the reader draws every span, so it needs every record. */
async function everyPage<N>(
  page: (after: string | null) => Promise<{ edges: Array<{ node: N }>; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>,
) {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    const { edges, pageInfo } = await page(after);
    nodes.push(...edges.map((edge) => edge.node));
    if (!pageInfo.hasNextPage) return nodes;
    after = pageInfo.endCursor ?? null;
  }
}

export const operations = {
  async revisions(params: { recordType: RecordType; recordId: Identifier }) {
    const { revisions } = await request(REVISIONS, { recordType: params.recordType, recordId: String(params.recordId) });
    return revisions.map((revision) => ({ ...revision, changes: revision.changes as FieldChanges }));
  },
  async revert(input: RevertInput) {
    return (await request(REVERT, { input })).revert;
  },
  async review(input: ReviewInput) {
    return (await request(REVIEW, { input })).review;
  },
  async submitForReview(input: SubmitForReviewInput) {
    return (await request(SUBMIT, { input })).submitForReview;
  },
  /** The whole queue, a page at a time: a page of it reads the records with their evidence, so it is priced by the page. */
  async reviewQueue() {
    const items: ReviewQueueQuery['reviewQueue']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (;;) {
      const { reviewQueue }: ReviewQueueQuery = await request(REVIEW_QUEUE, { after });
      items.push(...reviewQueue.edges.map((edge) => edge.node));
      if (!reviewQueue.pageInfo.hasNextPage) break;
      after = reviewQueue.pageInfo.endCursor;
    }
    return items.map((item) => ({ ...item, changesSinceVerified: item.changesSinceVerified as FieldChanges }));
  },

  async changePassword(input: ChangePasswordInput) {
    await request(CHANGE_PASSWORD, { input });
  },

  async eventTypes() {
    return (await request(EVENT_TYPES)).eventTypes;
  },
  async mergeEntities(input: MergeEntitiesInput) {
    await request(MERGE_ENTITIES, { input });
  },
  /** Records an imported name as an entity: an alias of it, named in the proposals that carried the bare name. */
  async recordNewName(input: RecordNewNameInput) {
    return (await request(RECORD_NEW_NAME, { input })).recordNewName;
  },

  dashboardCounts: () => request(DASHBOARD_COUNTS),
  async timeline() {
    return (await request(TIMELINE)).events.edges.map((edge) => edge.node);
  },
  async latestChanges(actor: string | null) {
    return (await request(LATEST_CHANGES, { actor })).auditTrail;
  },

  async importSource(input: ImportSourceInput) {
    return (await request(IMPORT_SOURCE, { input })).importSource;
  },
  /** Queues the files as one batch, a job per file, and answers the batch's id at once. */
  async startImportBatch(input: StartImportBatchInput) {
    return (await request(START_IMPORT_BATCH, { input })).startImportBatch.id;
  },
  async importBatch(id: string) {
    return (await request(IMPORT_BATCH, { id })).importBatch;
  },
  /** What imports proposed and no editor has yet accepted, merged or discarded, from one source or all. */
  async proposals(sourceId: string | null) {
    const filter = { proposal: ['PENDING' as const], ...(sourceId ? { sourceId } : {}) };
    const [claims, events] = await Promise.all([
      request(PROPOSED_CLAIMS, { filter, first: PROPOSALS_PAGE }),
      request(PROPOSED_EVENTS, { filter, first: PROPOSALS_PAGE }),
    ]);
    const sourceIds = new Set(
      [...claims.claims.edges, ...events.events.edges].flatMap(({ node }) => node.evidence.map((evidence) => evidence.source.id)),
    );
    const stories = await Promise.all([...sourceIds].map(async (id) => (await request(SOURCE_STORY, { id })).source));
    /** For each source of a proposal on the page, the other sources on its story. */
    const storySources = new Map(stories.flatMap((source) => (source ? [[source.id, source.storySources] as const] : [])));
    return { ...claims, ...events, storySources };
  },
  async acceptProposal(input: { id: string; expectedVersion: number }) {
    await request(ACCEPT_PROPOSAL, { input });
  },
  /** Without `intoId`, into the stored record the import found the proposal corroborates. */
  async mergeProposal(input: { id: string; expectedVersion: number; intoId?: string }) {
    await request(MERGE_PROPOSAL, { input });
  },
  async discardProposal(kind: 'claim' | 'event', input: { id: string; expectedVersion: number; reason: string }) {
    if (kind === 'claim') await request(DISCARD_CLAIM, { input });
    else await request(DISCARD_EVENT, { input });
  },
  async resolveNote(input: UpdateAnnotationInput) {
    await request(RESOLVE_NOTE, { input });
  },
  /** Claims and events whose words match, as search ranks them. */
  async findRecords(q: string, types: SearchType[]) {
    return (await request(FIND_RECORDS, { q, types })).search.edges.map((edge) => edge.node.record);
  },

  async readerSource(id: string) {
    return (await request(READER_SOURCE, { id })).source;
  },
  /** Every claim and event with words in this source, page after page, so every span can be drawn. */
  async readerRecords(sourceId: string) {
    return Promise.all([
      everyPage(
        async (after) => (await request(READER_CLAIMS, { filter: { sourceId } satisfies ClaimFilter, first: READER_PAGE, after })).claims,
      ),
      everyPage(
        async (after) => (await request(READER_EVENTS, { filter: { sourceId } satisfies EventFilter, first: READER_PAGE, after })).events,
      ),
    ]);
  },
  async createEvidence(input: CreateEvidenceInput) {
    await request(CREATE_EVIDENCE, { input });
  },
  async reselectEvidence(input: UpdateEvidenceInput) {
    await request(RESELECT_EVIDENCE, { input });
  },
  async confirmEvidence(input: ConfirmEvidenceInput) {
    await request(CONFIRM_EVIDENCE, { input });
  },
  async correctSourceText(input: CorrectSourceTextInput) {
    return (await request(CORRECT_SOURCE_TEXT, { input })).correctSourceText;
  },
};
