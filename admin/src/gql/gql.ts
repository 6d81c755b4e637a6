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
    "query Me { me { id name email roles } }": typeof types.MeDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { user { id } } }": typeof types.LoginDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  query History($recordId: ID!, $recordType: RecordType!) {\n    revisions(recordId: $recordId, recordType: $recordType) { id version operation changes state reason actor actorName createdAt requestId hash prevHash }\n  }\n": typeof types.HistoryDocument,
    "\n  mutation Revert($input: RevertInput!) {\n    revert(input: $input) { ... on Claim { id version } ... on Event { id version } ... on Entity { id version } ... on Source { id version } ... on Evidence { id version } ... on Annotation { id version } }\n  }\n": typeof types.RevertDocument,
    "\n  mutation Review($input: ReviewInput!) { review(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n": typeof types.ReviewDocument,
    "\n  mutation Submit($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n": typeof types.SubmitDocument,
    "\n  query ReviewQueue {\n    reviewQueue {\n      recordType submittedAt submittedBy submittedByName sentBack submittedReason lastEditedBy lastVerifiedVersion changesSinceVerified\n      evidenceChangesSinceVerified { evidence { id } before { exact } beforeStatus after { exact } afterStatus changedBy changedAt reason }\n      record {\n        ... on Claim { id version status text claimantName attribution modality evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n        ... on Event { id version status title summary evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { id } }": typeof types.ChangePasswordDocument,
    "query EventTypes { eventTypes { code label } }": typeof types.EventTypesDocument,
    "mutation MergeEntities($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }": typeof types.MergeEntitiesDocument,
    "\n  query DashboardCounts {\n    claims_DRAFT: claims(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    events_DRAFT: events(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    claims_IN_REVIEW: claims(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    events_IN_REVIEW: events(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    claims_VERIFIED: claims(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    events_VERIFIED: events(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    claims_DISPUTED: claims(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    events_DISPUTED: events(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    claims_REJECTED: claims(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    events_REJECTED: events(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    claims_RETRACTED: claims(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    events_RETRACTED: events(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    sources(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n  }\n": typeof types.DashboardCountsDocument,
    "\n  query Timeline { events(first: 100) { edges { node { id title status start { date precision latest } end { date precision latest } timeExpression } } } }\n": typeof types.TimelineDocument,
    "\n  query LatestChanges($actor: String) {\n    auditTrail(actor: $actor, first: 15) { totalCount edges { node { id recordType recordId operation reason actorName createdAt } } }\n  }\n": typeof types.LatestChangesDocument,
    "\n  mutation ImportSource($input: ImportSourceInput!) {\n    importSource(input: $input) {\n      source { id title }\n      duplicates { similarity source { id title } }\n      repeatedParagraphs claimsProposed eventsProposed newNames steps\n    }\n  }\n": typeof types.ImportSourceDocument,
    "\n  query ProposedClaims($filter: ClaimFilter, $first: Int!) {\n    claims(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { id version text claimantName attribution modality evidence { id context(chars: 120) { before exact after } source { id title } } } }\n    }\n  }\n": typeof types.ProposedClaimsDocument,
    "\n  query ProposedEvents($filter: EventFilter, $first: Int!) {\n    events(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges {\n        node {\n          id version title timeExpression start { date precision } eventType: type { label } modality\n          evidence { id context(chars: 120) { before exact after } source { id title } }\n        }\n      }\n    }\n    annotationThreads(filter: { tag: \"new-name\", resolved: false }, first: 100) { edges { node { id version body targetId span { selector { exact } } } } }\n  }\n": typeof types.ProposedEventsDocument,
    "mutation AcceptProposal($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename } }": typeof types.AcceptProposalDocument,
    "mutation MergeProposal($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }": typeof types.MergeProposalDocument,
    "mutation DiscardClaim($input: DeleteInput!) { deleteClaim(input: $input) { id } }": typeof types.DiscardClaimDocument,
    "mutation DiscardEvent($input: DeleteInput!) { deleteEvent(input: $input) { id } }": typeof types.DiscardEventDocument,
    "mutation ResolveNote($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }": typeof types.ResolveNoteDocument,
    "\n  query FindRecords($q: String!, $types: [SearchType!]) {\n    search(query: $q, types: $types, first: 15) { edges { node { record { ... on Claim { id text } ... on Event { id title } } } } }\n  }\n": typeof types.FindRecordsDocument,
    "\n  query ReaderSource($id: ID!) { source(id: $id) { id version title currentRevision { id number text blocks { start end kind repeatOf } } } }\n": typeof types.ReaderSourceDocument,
    "\n  query ReaderClaims($filter: ClaimFilter, $first: Int!, $after: String) {\n    claims(filter: $filter, first: $first, after: $after) {\n      edges { node { id text status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ReaderClaimsDocument,
    "\n  query ReaderEvents($filter: EventFilter, $first: Int!, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      edges { node { id title status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ReaderEventsDocument,
    "mutation CreateEvidence($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }": typeof types.CreateEvidenceDocument,
    "mutation ReselectEvidence($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id anchorStatus } }": typeof types.ReselectEvidenceDocument,
    "mutation ConfirmEvidence($input: ConfirmEvidenceInput!) { confirmEvidence(input: $input) { id anchorStatus } }": typeof types.ConfirmEvidenceDocument,
    "\n  mutation CorrectSourceText($input: CorrectSourceTextInput!) {\n    correctSourceText(input: $input) {\n      preview anchored fuzzy orphaned annotationsMoved revision { number }\n      reopened { __typename ... on Claim { id text status } ... on Event { id title status } }\n      changes { status method similarity before { exact start } after { exact start } evidence { id claim { id text } event { id title } } }\n    }\n  }\n": typeof types.CorrectSourceTextDocument,
    "\n  fragment ReviewStepDetail on ReviewStep { status comment actor actorName at }\n": typeof types.ReviewStepDetailFragmentDoc,
    "\n  fragment EvidenceDetail on Evidence {\n    id version anchorStatus\n    selector { exact prefix suffix start end }\n    context(chars: 160) { before exact after }\n    source { id title }\n    sourceRevision { id number }\n  }\n": typeof types.EvidenceDetailFragmentDoc,
    "\n  fragment ClaimDetail on Claim {\n    claimant { id name }\n    eventList: events { id title status }\n    entityList: entities { id name kind }\n    linkList: links { type claim { id text status } }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n": typeof types.ClaimDetailFragmentDoc,
    "\n  fragment EventDetail on Event {\n    eventType: type { code label }\n    start { date precision latest }\n    end { date precision latest }\n    place { id name }\n    parent { id title }\n    participantList: participants { role entity { id name } }\n    claimList: claims { id text status claimantName }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n": typeof types.EventDetailFragmentDoc,
    "\n  fragment EntityDetail on Entity { externalIds { scheme value } mergedInto { id name } }\n": typeof types.EntityDetailFragmentDoc,
    "\n  fragment SourceDetail on Source {\n    currentRevision { id number sha256 createdAt actor reason }\n    revisionList: revisions { id number sha256 createdAt actor reason }\n  }\n": typeof types.SourceDetailFragmentDoc,
    "\n  fragment AnnotationDetail on Annotation { span { sourceRevisionId selector { exact start end } } }\n": typeof types.AnnotationDetailFragmentDoc,
};
const documents: Documents = {
    "query Me { me { id name email roles } }": types.MeDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { user { id } } }": types.LoginDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  query History($recordId: ID!, $recordType: RecordType!) {\n    revisions(recordId: $recordId, recordType: $recordType) { id version operation changes state reason actor actorName createdAt requestId hash prevHash }\n  }\n": types.HistoryDocument,
    "\n  mutation Revert($input: RevertInput!) {\n    revert(input: $input) { ... on Claim { id version } ... on Event { id version } ... on Entity { id version } ... on Source { id version } ... on Evidence { id version } ... on Annotation { id version } }\n  }\n": types.RevertDocument,
    "\n  mutation Review($input: ReviewInput!) { review(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n": types.ReviewDocument,
    "\n  mutation Submit($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n": types.SubmitDocument,
    "\n  query ReviewQueue {\n    reviewQueue {\n      recordType submittedAt submittedBy submittedByName sentBack submittedReason lastEditedBy lastVerifiedVersion changesSinceVerified\n      evidenceChangesSinceVerified { evidence { id } before { exact } beforeStatus after { exact } afterStatus changedBy changedAt reason }\n      record {\n        ... on Claim { id version status text claimantName attribution modality evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n        ... on Event { id version status title summary evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { id } }": types.ChangePasswordDocument,
    "query EventTypes { eventTypes { code label } }": types.EventTypesDocument,
    "mutation MergeEntities($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }": types.MergeEntitiesDocument,
    "\n  query DashboardCounts {\n    claims_DRAFT: claims(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    events_DRAFT: events(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    claims_IN_REVIEW: claims(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    events_IN_REVIEW: events(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    claims_VERIFIED: claims(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    events_VERIFIED: events(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    claims_DISPUTED: claims(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    events_DISPUTED: events(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    claims_REJECTED: claims(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    events_REJECTED: events(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    claims_RETRACTED: claims(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    events_RETRACTED: events(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    sources(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n  }\n": types.DashboardCountsDocument,
    "\n  query Timeline { events(first: 100) { edges { node { id title status start { date precision latest } end { date precision latest } timeExpression } } } }\n": types.TimelineDocument,
    "\n  query LatestChanges($actor: String) {\n    auditTrail(actor: $actor, first: 15) { totalCount edges { node { id recordType recordId operation reason actorName createdAt } } }\n  }\n": types.LatestChangesDocument,
    "\n  mutation ImportSource($input: ImportSourceInput!) {\n    importSource(input: $input) {\n      source { id title }\n      duplicates { similarity source { id title } }\n      repeatedParagraphs claimsProposed eventsProposed newNames steps\n    }\n  }\n": types.ImportSourceDocument,
    "\n  query ProposedClaims($filter: ClaimFilter, $first: Int!) {\n    claims(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { id version text claimantName attribution modality evidence { id context(chars: 120) { before exact after } source { id title } } } }\n    }\n  }\n": types.ProposedClaimsDocument,
    "\n  query ProposedEvents($filter: EventFilter, $first: Int!) {\n    events(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges {\n        node {\n          id version title timeExpression start { date precision } eventType: type { label } modality\n          evidence { id context(chars: 120) { before exact after } source { id title } }\n        }\n      }\n    }\n    annotationThreads(filter: { tag: \"new-name\", resolved: false }, first: 100) { edges { node { id version body targetId span { selector { exact } } } } }\n  }\n": types.ProposedEventsDocument,
    "mutation AcceptProposal($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename } }": types.AcceptProposalDocument,
    "mutation MergeProposal($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }": types.MergeProposalDocument,
    "mutation DiscardClaim($input: DeleteInput!) { deleteClaim(input: $input) { id } }": types.DiscardClaimDocument,
    "mutation DiscardEvent($input: DeleteInput!) { deleteEvent(input: $input) { id } }": types.DiscardEventDocument,
    "mutation ResolveNote($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }": types.ResolveNoteDocument,
    "\n  query FindRecords($q: String!, $types: [SearchType!]) {\n    search(query: $q, types: $types, first: 15) { edges { node { record { ... on Claim { id text } ... on Event { id title } } } } }\n  }\n": types.FindRecordsDocument,
    "\n  query ReaderSource($id: ID!) { source(id: $id) { id version title currentRevision { id number text blocks { start end kind repeatOf } } } }\n": types.ReaderSourceDocument,
    "\n  query ReaderClaims($filter: ClaimFilter, $first: Int!, $after: String) {\n    claims(filter: $filter, first: $first, after: $after) {\n      edges { node { id text status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ReaderClaimsDocument,
    "\n  query ReaderEvents($filter: EventFilter, $first: Int!, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      edges { node { id title status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ReaderEventsDocument,
    "mutation CreateEvidence($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }": types.CreateEvidenceDocument,
    "mutation ReselectEvidence($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id anchorStatus } }": types.ReselectEvidenceDocument,
    "mutation ConfirmEvidence($input: ConfirmEvidenceInput!) { confirmEvidence(input: $input) { id anchorStatus } }": types.ConfirmEvidenceDocument,
    "\n  mutation CorrectSourceText($input: CorrectSourceTextInput!) {\n    correctSourceText(input: $input) {\n      preview anchored fuzzy orphaned annotationsMoved revision { number }\n      reopened { __typename ... on Claim { id text status } ... on Event { id title status } }\n      changes { status method similarity before { exact start } after { exact start } evidence { id claim { id text } event { id title } } }\n    }\n  }\n": types.CorrectSourceTextDocument,
    "\n  fragment ReviewStepDetail on ReviewStep { status comment actor actorName at }\n": types.ReviewStepDetailFragmentDoc,
    "\n  fragment EvidenceDetail on Evidence {\n    id version anchorStatus\n    selector { exact prefix suffix start end }\n    context(chars: 160) { before exact after }\n    source { id title }\n    sourceRevision { id number }\n  }\n": types.EvidenceDetailFragmentDoc,
    "\n  fragment ClaimDetail on Claim {\n    claimant { id name }\n    eventList: events { id title status }\n    entityList: entities { id name kind }\n    linkList: links { type claim { id text status } }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n": types.ClaimDetailFragmentDoc,
    "\n  fragment EventDetail on Event {\n    eventType: type { code label }\n    start { date precision latest }\n    end { date precision latest }\n    place { id name }\n    parent { id title }\n    participantList: participants { role entity { id name } }\n    claimList: claims { id text status claimantName }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n": types.EventDetailFragmentDoc,
    "\n  fragment EntityDetail on Entity { externalIds { scheme value } mergedInto { id name } }\n": types.EntityDetailFragmentDoc,
    "\n  fragment SourceDetail on Source {\n    currentRevision { id number sha256 createdAt actor reason }\n    revisionList: revisions { id number sha256 createdAt actor reason }\n  }\n": types.SourceDetailFragmentDoc,
    "\n  fragment AnnotationDetail on Annotation { span { sourceRevisionId selector { exact start end } } }\n": types.AnnotationDetailFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { id name email roles } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) { login(input: $input) { user { id } } }"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($recordId: ID!, $recordType: RecordType!) {\n    revisions(recordId: $recordId, recordType: $recordType) { id version operation changes state reason actor actorName createdAt requestId hash prevHash }\n  }\n"): typeof import('./graphql').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revert($input: RevertInput!) {\n    revert(input: $input) { ... on Claim { id version } ... on Event { id version } ... on Entity { id version } ... on Source { id version } ... on Evidence { id version } ... on Annotation { id version } }\n  }\n"): typeof import('./graphql').RevertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Review($input: ReviewInput!) { review(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n"): typeof import('./graphql').ReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Submit($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }\n"): typeof import('./graphql').SubmitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue {\n    reviewQueue {\n      recordType submittedAt submittedBy submittedByName sentBack submittedReason lastEditedBy lastVerifiedVersion changesSinceVerified\n      evidenceChangesSinceVerified { evidence { id } before { exact } beforeStatus after { exact } afterStatus changedBy changedAt reason }\n      record {\n        ... on Claim { id version status text claimantName attribution modality evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n        ... on Event { id version status title summary evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } } }\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { id } }"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EventTypes { eventTypes { code label } }"): typeof import('./graphql').EventTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MergeEntities($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }"): typeof import('./graphql').MergeEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCounts {\n    claims_DRAFT: claims(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    events_DRAFT: events(filter: { status: [DRAFT] }, first: 1) { totalCount }\n    claims_IN_REVIEW: claims(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    events_IN_REVIEW: events(filter: { status: [IN_REVIEW] }, first: 1) { totalCount }\n    claims_VERIFIED: claims(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    events_VERIFIED: events(filter: { status: [VERIFIED] }, first: 1) { totalCount }\n    claims_DISPUTED: claims(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    events_DISPUTED: events(filter: { status: [DISPUTED] }, first: 1) { totalCount }\n    claims_REJECTED: claims(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    events_REJECTED: events(filter: { status: [REJECTED] }, first: 1) { totalCount }\n    claims_RETRACTED: claims(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    events_RETRACTED: events(filter: { status: [RETRACTED] }, first: 1) { totalCount }\n    sources(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n  }\n"): typeof import('./graphql').DashboardCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline { events(first: 100) { edges { node { id title status start { date precision latest } end { date precision latest } timeExpression } } } }\n"): typeof import('./graphql').TimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestChanges($actor: String) {\n    auditTrail(actor: $actor, first: 15) { totalCount edges { node { id recordType recordId operation reason actorName createdAt } } }\n  }\n"): typeof import('./graphql').LatestChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportSource($input: ImportSourceInput!) {\n    importSource(input: $input) {\n      source { id title }\n      duplicates { similarity source { id title } }\n      repeatedParagraphs claimsProposed eventsProposed newNames steps\n    }\n  }\n"): typeof import('./graphql').ImportSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposedClaims($filter: ClaimFilter, $first: Int!) {\n    claims(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { id version text claimantName attribution modality evidence { id context(chars: 120) { before exact after } source { id title } } } }\n    }\n  }\n"): typeof import('./graphql').ProposedClaimsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProposedEvents($filter: EventFilter, $first: Int!) {\n    events(filter: $filter, first: $first, order: OLDEST_FIRST) {\n      totalCount\n      edges {\n        node {\n          id version title timeExpression start { date precision } eventType: type { label } modality\n          evidence { id context(chars: 120) { before exact after } source { id title } }\n        }\n      }\n    }\n    annotationThreads(filter: { tag: \"new-name\", resolved: false }, first: 100) { edges { node { id version body targetId span { selector { exact } } } } }\n  }\n"): typeof import('./graphql').ProposedEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptProposal($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename } }"): typeof import('./graphql').AcceptProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MergeProposal($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }"): typeof import('./graphql').MergeProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DiscardClaim($input: DeleteInput!) { deleteClaim(input: $input) { id } }"): typeof import('./graphql').DiscardClaimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DiscardEvent($input: DeleteInput!) { deleteEvent(input: $input) { id } }"): typeof import('./graphql').DiscardEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolveNote($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }"): typeof import('./graphql').ResolveNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindRecords($q: String!, $types: [SearchType!]) {\n    search(query: $q, types: $types, first: 15) { edges { node { record { ... on Claim { id text } ... on Event { id title } } } } }\n  }\n"): typeof import('./graphql').FindRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderSource($id: ID!) { source(id: $id) { id version title currentRevision { id number text blocks { start end kind repeatOf } } } }\n"): typeof import('./graphql').ReaderSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderClaims($filter: ClaimFilter, $first: Int!, $after: String) {\n    claims(filter: $filter, first: $first, after: $after) {\n      edges { node { id text status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ReaderClaimsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReaderEvents($filter: EventFilter, $first: Int!, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      edges { node { id title status evidence { id version anchorStatus selector { exact start end } sourceRevision { id number } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ReaderEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateEvidence($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }"): typeof import('./graphql').CreateEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReselectEvidence($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id anchorStatus } }"): typeof import('./graphql').ReselectEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmEvidence($input: ConfirmEvidenceInput!) { confirmEvidence(input: $input) { id anchorStatus } }"): typeof import('./graphql').ConfirmEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectSourceText($input: CorrectSourceTextInput!) {\n    correctSourceText(input: $input) {\n      preview anchored fuzzy orphaned annotationsMoved revision { number }\n      reopened { __typename ... on Claim { id text status } ... on Event { id title status } }\n      changes { status method similarity before { exact start } after { exact start } evidence { id claim { id text } event { id title } } }\n    }\n  }\n"): typeof import('./graphql').CorrectSourceTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewStepDetail on ReviewStep { status comment actor actorName at }\n"): typeof import('./graphql').ReviewStepDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvidenceDetail on Evidence {\n    id version anchorStatus\n    selector { exact prefix suffix start end }\n    context(chars: 160) { before exact after }\n    source { id title }\n    sourceRevision { id number }\n  }\n"): typeof import('./graphql').EvidenceDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimDetail on Claim {\n    claimant { id name }\n    eventList: events { id title status }\n    entityList: entities { id name kind }\n    linkList: links { type claim { id text status } }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n"): typeof import('./graphql').ClaimDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventDetail on Event {\n    eventType: type { code label }\n    start { date precision latest }\n    end { date precision latest }\n    place { id name }\n    parent { id title }\n    participantList: participants { role entity { id name } }\n    claimList: claims { id text status claimantName }\n    reviews { ...ReviewStepDetail }\n    evidence { ...EvidenceDetail }\n  }\n"): typeof import('./graphql').EventDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntityDetail on Entity { externalIds { scheme value } mergedInto { id name } }\n"): typeof import('./graphql').EntityDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceDetail on Source {\n    currentRevision { id number sha256 createdAt actor reason }\n    revisionList: revisions { id number sha256 createdAt actor reason }\n  }\n"): typeof import('./graphql').SourceDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnnotationDetail on Annotation { span { sourceRevisionId selector { exact start end } } }\n"): typeof import('./graphql').AnnotationDetailFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
