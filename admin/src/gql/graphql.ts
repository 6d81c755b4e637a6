/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An imported proposal an editor takes on: it stays a draft, now theirs, and goes to review like any record. */
export type AcceptProposalInput = {
  /** The version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** The proposed claim or event. */
  id: string | number;
  /** Why, for the history. */
  reason?: string | null | undefined;
};

/** Whether evidence still points at its exact words, after corrections of its source text. */
export type AnchorStatus =
  /** The selector's `exact` is the revision's text between `start` and `end`. */
  | 'ANCHORED'
  /** Moved to a near match after a correction; a reviewer should confirm it. */
  | 'FUZZY'
  /** Not found after a correction; it stays on the older revision whose words it matches. */
  | 'ORPHANED';

/** How the source gives a claim: quoting the claimant, reporting them, or asserting it itself. */
export type Attribution =
  /** The source's author states it in their own voice. */
  | 'AUTHOR_ASSERTION'
  /** The claimant's own words, quoted: called Myanmar “our long-standing and reliable partner”. */
  | 'DIRECT_QUOTE'
  /** What the claimant said, in the source's words: "according to a presidential aide, ...". */
  | 'REPORTED_SPEECH';

/** Whether an actor is an account or a client app's API key. */
export type AuditActorKind =
  /** A client app's API key. */
  | 'API_KEY'
  /** A person signed in with an account. */
  | 'USER';

/** What a paragraph of a text is, for readers to show it as it should be read. */
export type BlockKind =
  /** An empty line. */
  | 'BLANK'
  /** The text proper. */
  | 'BODY'
  /** Page furniture: a share button, "About Author", "Comments are closed.", a lone number, a byline. */
  | 'FURNITURE'
  /** A paragraph printed a second time, word for word; `repeatOf` names the first. */
  | 'REPEAT';

/** Your current password, to prove it is you, and the new one. */
export type ChangePasswordInput = {
  /** The password you sign in with now. */
  currentPassword: string;
  /** At least 12 characters and hard to guess: not a common password or pattern, not made of your name or email. */
  newPassword: string;
};

/** Every condition given must hold. */
export type ClaimFilter = {
  /** Claims given in any of these ways. */
  attribution?: Array<Attribution> | null | undefined;
  /** Claims made by this entity. */
  claimantId?: string | number | null | undefined;
  /** Claims about this entity. */
  entityId?: string | number | null | undefined;
  /** Claims about this event. */
  eventId?: string | number | null | undefined;
  /** Claims with any of these modalities. */
  modality?: Array<ClaimModality> | null | undefined;
  /** Claims an import proposed, PENDING (waiting for an editor) or ACCEPTED. */
  proposal?: Array<ProposalState> | null | undefined;
  /** Claims of any of these ranks. */
  rank?: Array<ClaimRank> | null | undefined;
  /** Claims with evidence in this source. */
  sourceId?: string | number | null | undefined;
  /** Claims in any of these review statuses (anonymous callers and client apps only ever get VERIFIED and RETRACTED). */
  status?: Array<ReviewStatus> | null | undefined;
};

/** How one claim bears on another. */
export type ClaimLinkType =
  /** Cannot be true along with the other claim. */
  | 'CONTRADICTS'
  /** Says the same as the other claim. */
  | 'DUPLICATES'
  /** Says the other claim more precisely. */
  | 'REFINES'
  /** Backs the other claim up. */
  | 'SUPPORTS';

/** How firmly the claimant puts it. */
export type ClaimModality =
  /** Stated as fact. */
  | 'ASSERTED'
  /** The claimant denies it. */
  | 'DENIED'
  /** Said of something still to come: "will sign", "is expected to". */
  | 'EXPECTED'
  /** Qualified: "reportedly", "it appears". */
  | 'HEDGED'
  /** Put as a possibility: "may be an indication". */
  | 'SPECULATIVE';

/** Standing among claims on the same matter, as in Wikibase: deprecate what was once believed rather than delete it. */
export type ClaimRank =
  /** Superseded or shown wrong; kept for the record. */
  | 'DEPRECATED'
  /** The default. */
  | 'NORMAL'
  /** The best current statement of the matter. */
  | 'PREFERRED';

/** Confirms that the words a correction moved FUZZY evidence to are the words it rests on. */
export type ConfirmEvidenceInput = {
  /** The version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** The FUZZY evidence. */
  id: string | number;
  /** Why these words hold, kept in the revision; "Confirmed these words" when left out. */
  reason?: string | null | undefined;
};

/** Replaces the text with a corrected one: a new snapshot, and every evidence re-anchored. */
export type CorrectSourceTextInput = {
  /** The source's version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** The source to correct. */
  id: string | number;
  /** Only show what the correction would do: the report, as saving would give it, and nothing saved. */
  preview?: boolean | null | undefined;
  /** What was wrong with the text. */
  reason: string;
  /** The whole corrected text. */
  text: string;
};

/** Evidence for a claim or for an event (one of the two), in a source: its current text unless a revision is named. */
export type CreateEvidenceInput = {
  /** The claim it supports; give this or `eventId`. */
  claimId?: string | number | null | undefined;
  /** The event it supports; give this or `claimId`. */
  eventId?: string | number | null | undefined;
  /** The edit summary, kept in the revision. */
  reason?: string | null | undefined;
  /** The words it rests on. */
  selector: SelectorInput;
  /** The source: the words are looked for in its current text. */
  sourceId?: string | number | null | undefined;
  /** A particular snapshot of the text; used instead of `sourceId` when given. */
  sourceRevisionId?: string | number | null | undefined;
};

/** How precisely a date is known. */
export type DatePrecision =
  /** To the day. */
  | 'DAY'
  /** To the month; the date is its first day. */
  | 'MONTH'
  /** To the week, Monday to Sunday; the date is its Monday. */
  | 'WEEK'
  /** To the year; the date is 1 January. */
  | 'YEAR';

/** Days from `from` to `to`, both included (ISO dates). */
export type DateRangeInput = {
  /** The first day of the range, YYYY-MM-DD. */
  from: string;
  /** Also events known only to a period that overlaps the range (a year, say), which may fall inside. True when left out. */
  includePossible?: boolean | null | undefined;
  /** The last day of the range, YYYY-MM-DD; not before `from`. */
  to: string;
};

/** Soft-deletes a record: it leaves lists and lookups, keeps its history, and can be restored. revokeApiKey takes it too, to revoke a key (which is not deleted). */
export type DeleteInput = {
  /** The version you read; a stale one fails with CONFLICT. */
  expectedVersion: number;
  /** The record to delete, or the API key to revoke. */
  id: string | number;
  /** Why the record is deleted (or the key revoked); kept in the revision. */
  reason: string;
};

/** What kind of actor or thing an entity is. */
export type EntityKind =
  /** A company, party, agency, armed group or other organisation. */
  | 'ORGANIZATION'
  /** Anything else. */
  | 'OTHER'
  /** An individual. */
  | 'PERSON'
  /** A location: a city, region, border crossing, site. */
  | 'PLACE'
  /** A country, or its government acting as one. */
  | 'STATE';

/** Every condition given must hold. */
export type EventFilter = {
  /** Events whose dates, at their precision, fall in this range; undated events never match. */
  date?: DateRangeInput | null | undefined;
  /** Events this entity took part in. */
  entityId?: string | number | null | undefined;
  /** Events with any of these modalities. */
  modality?: Array<EventModality> | null | undefined;
  /** Events that took place at this entity. */
  placeId?: string | number | null | undefined;
  /** Events an import proposed, PENDING (waiting for an editor) or ACCEPTED. */
  proposal?: Array<ProposalState> | null | undefined;
  /** Events with evidence in this source. */
  sourceId?: string | number | null | undefined;
  /** Events in any of these review statuses (anonymous callers and client apps only ever get VERIFIED and RETRACTED). */
  status?: Array<ReviewStatus> | null | undefined;
  /** Codes from the eventTypes vocabulary. */
  type?: Array<string> | null | undefined;
};

/** Whether an event happened, as its sources have it. */
export type EventModality =
  /** Said to have happened, but not established. */
  | 'ALLEGED'
  /** Foreseen, without a firm plan: "is expected to visit". */
  | 'EXPECTED'
  /** It happened. */
  | 'OCCURRED'
  /** Scheduled or announced by those taking part. */
  | 'PLANNED';

/** One file of a batch import: its name and contents. */
export type ImportBatchFileInput = {
  /** The document as received: at most 5 MB. */
  content: string;
  /** The file it came from; its extension gives the format when `format` is left out. */
  fileName: string;
  /** How `content` is written; from the file name when left out. */
  format?: ImportFormat | null | undefined;
};

/** How the imported content is written. */
export type ImportFormat =
  /** A web page: reduced to its article, navigation and asides left out. */
  | 'HTML'
  /** Markdown: markup removed, link text kept. */
  | 'MARKDOWN'
  /** Plain text, kept as it is (line endings and spacing aside). */
  | 'TEXT';

/** Where one article of a batch import stands. */
export type ImportItemStatus =
  /** Imported: `source` is the new source, `report` what the import proposed. */
  | 'DONE'
  /** Not imported again: a batch already imported the same content as `source`. */
  | 'DUPLICATE'
  /** Every try failed; `error` is the last reason. Nothing of it was stored. */
  | 'FAILED'
  /** Waiting for a worker, or being retried after a failure (`attempts`, `error`). */
  | 'PENDING';

/** A document to record as a new source, with what is known of it; the importer proposes drafts from its text. */
export type ImportSourceInput = {
  /** Its byline; an HTML page's own when left out. */
  author?: string | null | undefined;
  /** The document as received: at most 5 MB. */
  content: string;
  /** The file it came from, for the record. */
  fileName?: string | null | undefined;
  /** How `content` is written. */
  format: ImportFormat;
  /** What sort of document it is. */
  kind: SourceKind;
  /** BCP 47 language tag: "en". */
  language: string;
  /** Propose draft claims, events and new names from the text (the default), or only record the source. */
  propose?: boolean | null | undefined;
  /** ISO date, the first day of its period at `publishedPrecision`; relative dates in the text are resolved against it. */
  publishedAt?: string | null | undefined;
  /** How the date is known; required with `publishedAt`. */
  publishedBasis?: PublicationDateBasis | null | undefined;
  /** DAY, MONTH or YEAR; given with `publishedAt`. */
  publishedPrecision?: DatePrecision | null | undefined;
  /** Who published it. */
  publisher?: string | null | undefined;
  /** Admiralty grade of the source, A to F. */
  reliability?: Reliability | null | undefined;
  /** Its title; the document's own (an HTML title, a Markdown heading, its first line) when left out. */
  title?: string | null | undefined;
  /** Where it was published: an http or https URL. */
  url?: string | null | undefined;
};

/** What a check of the revision log found wrong with one record. */
export type LogProblemKind =
  /** Its hash chain breaks: a missing version, a link to the wrong previous hash, or a hash that does not match the content. */
  | 'CHAIN'
  /** Its row has no revision at all. */
  | 'NO_REVISIONS'
  /** It has revisions but no row: the row was removed outright. */
  | 'NO_ROW'
  /** Replaying its revisions' changes does not give the state its last revision records. */
  | 'REPLAY'
  /** Its row (with its link rows) differs from the state its last revision records: it was written without a revision. */
  | 'ROW_STATE'
  /** Its row's version is not the number of its revisions: revisions are missing from the end, or the row was bumped without one. */
  | 'ROW_VERSION';

/** Where a check of the whole log stands. */
export type LogVerificationStatus =
  /** The check could not finish (the server stopped, the database failed): `error` says why. */
  | 'ERROR'
  /** Problems were found: `firstBreak` and `checkpointProblems` name them. */
  | 'FAILED'
  /** Every chain verifies, replays and matches its row, and the checkpoints verify. */
  | 'PASSED'
  /** Still checking; `revisions` of `totalRevisions` so far. */
  | 'RUNNING';

/** Each sign-in counts before its password is checked: past 5 for an account, or 30 from one address, within 15 minutes, sign-in is RATE_LIMITED. The right password forgives the account its failures and does not count for the address. */
export type LoginInput = {
  /** The email address of the account, in any case. */
  email: string;
  /** Its password. */
  password: string;
};

/** Merges `loserId` into `winnerId`: the loser stays as a redirect, and every reference to it moves to the winner. */
export type MergeEntitiesInput = {
  /** The loser's version you read. */
  loserExpectedVersion: number;
  /** The duplicate; it becomes a redirect (`mergedInto`) and leaves lists. */
  loserId: string | number;
  /** Why they are the same. */
  reason: string;
  /** The winner's version you read. */
  winnerExpectedVersion: number;
  /** The entity that remains; it takes the loser's names as aliases, and its external ids in schemes it lacks. */
  winnerId: string | number;
};

/** An imported proposal that an existing record already states: its evidence joins that record, and the proposal is deleted. */
export type MergeProposalInput = {
  /** The version of the proposal you read. */
  expectedVersion: number;
  /** The proposed claim or event. */
  id: string | number;
  /** The existing claim or event, of the same kind, that takes the evidence; left out, the one the import found it corroborates. */
  intoId?: string | number | null | undefined;
  /** Why, for the history. */
  reason?: string | null | undefined;
};

/** Why a note was written: the W3C Web Annotation motivations editors use. */
export type Motivation =
  /** Judges quality or reliability. */
  | 'ASSESSING'
  /** A remark. */
  | 'COMMENTING'
  /** Points out something to correct. */
  | 'CORRECTING'
  /** Points to a related record or resource. */
  | 'LINKING'
  /** A question that wants an answer. */
  | 'QUESTIONING'
  /** Attaches tags. */
  | 'TAGGING';

/** An entity's part in an event. */
export type ParticipantRole =
  /** Did it: the visitor, the invader, a party to a deal. */
  | 'AGENT'
  /** Hosted it: the host of a visit or a meeting. */
  | 'HOST'
  /** Took part, with no more specific role. */
  | 'PARTICIPANT'
  /** Had it done to them: the country invaded, the government overthrown. */
  | 'TARGET';

/** Where an imported proposal stands: waiting for an editor, or accepted by one. */
export type ProposalState =
  /** An editor took it on; it goes through review like any record. */
  | 'ACCEPTED'
  /** Proposed by an import; an editor has not yet accepted, merged or discarded it. */
  | 'PENDING';

/** How the publication date is known. */
export type PublicationDateBasis =
  /** The editor inferred it from the content: the events it reports, "last week". */
  | 'INFERRED_FROM_CONTENT'
  /** The source states it (a dateline, a timestamp). */
  | 'STATED';

/** Records a name the importer found (its note, tagged `new-name`) as an entity: the note is resolved, the name becomes an alias of the entity, and the records drawn from the same source text that carried it as a label now name the entity. */
export type RecordNewNameInput = {
  /** The entity's version you read; it changes only if the name becomes one of its aliases. */
  entityExpectedVersion: number;
  /** The entity the name stands for: one just created for it, or one the store already had. */
  entityId: string | number;
  /** The note's version you read. */
  noteExpectedVersion: number;
  /** The note on the name, tagged `new-name`. */
  noteId: string | number;
  /** Why; by default, that the name was recorded as this entity. */
  reason?: string | null | undefined;
};

/** The kinds of record the revision log keeps. */
export type RecordType =
  /** A note on a record (`Annotation`). */
  | 'ANNOTATION'
  /** A client app's API key (`ApiKey`). */
  | 'API_KEY'
  /** A claim (`Claim`). */
  | 'CLAIM'
  /** An actor, organisation, state or place (`Entity`). */
  | 'ENTITY'
  /** An event (`Event`). */
  | 'EVENT'
  /** An entry of the event-type vocabulary (`EventType`). */
  | 'EVENT_TYPE'
  /** Evidence tying a claim or an event to words in a source (`Evidence`). */
  | 'EVIDENCE'
  /** A source document (`Source`). */
  | 'SOURCE'
  /** A user account (`User`). */
  | 'USER';

/** Admiralty code: A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged. */
export type Reliability =
  /** Completely reliable. */
  | 'A'
  /** Usually reliable. */
  | 'B'
  /** Fairly reliable. */
  | 'C'
  /** Not usually reliable. */
  | 'D'
  /** Unreliable. */
  | 'E'
  /** Reliability cannot be judged. */
  | 'F';

/** Which past revision's content to make current again. */
export type RevertInput = {
  /** The record's current version. */
  expectedVersion: number;
  /** Why; "Revert to version <n>" when left out. */
  reason?: string | null | undefined;
  /** The revision whose content becomes current again. */
  revisionId: string;
};

/** A reviewer's judgement; each applies to records in one status only. */
export type ReviewDecision =
  /** IN_REVIEW → DISPUTED: it needs the editor to answer. */
  | 'DISPUTE'
  /** IN_REVIEW → REJECTED: wrong or unsupported. */
  | 'REJECT'
  /** VERIFIED → RETRACTED: withdrawn; clients still see it, flagged. */
  | 'RETRACT'
  /** IN_REVIEW → VERIFIED: it holds up against its evidence. */
  | 'VERIFY';

/** A reviewer's decision on a claim or an event. */
export type ReviewInput = {
  /** The reviewer's reasons; kept in the revision. */
  comment: string;
  /** The judgement; it must fit the record's status. */
  decision: ReviewDecision;
  /** The version you reviewed; a stale one fails with CONFLICT, so you never judge words you have not read. */
  expectedVersion: number;
  /** A claim or an event. */
  id: string | number;
};

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

/** What one write did to its record. */
export type RevisionOperation =
  /** Created the record (version 1). */
  | 'CREATE'
  /** Soft-deleted it, with a reason. */
  | 'DELETE'
  /** An entity merge: the duplicate redirected, the remaining entity given its names, or a claim or event repointed. */
  | 'MERGE'
  /** Re-anchored evidence after its source's text was corrected: moved onto the new text, or marked ORPHANED. */
  | 'REANCHOR'
  /** Brought a deleted record back. */
  | 'RESTORE'
  /** Changed its review status: sent to review, or judged by a reviewer. */
  | 'REVIEW'
  /** Changed its content: an edit, a revert, a source's text correction, or an API key revoked. */
  | 'UPDATE';

/** What a caller may do; no role at all is an anonymous caller. docs/access.md has the full table. */
export type Role =
  /** Manages users and API keys, and may do all that editors and reviewers do. */
  | 'ADMIN'
  /** A client app's API key: reads what anonymous callers read. */
  | 'CLIENT'
  /** Creates and changes records and sends them to review; reads drafts and history. */
  | 'EDITOR'
  /** Judges claims and events in review; reads drafts and history and writes notes, but changes no records. */
  | 'REVIEWER';

/** The kinds of record search covers. */
export type SearchType =
  /** Claims, by their text. */
  | 'CLAIM'
  /** Entities, by name and aliases, matched as typed. */
  | 'ENTITY'
  /** Events, by title and summary. */
  | 'EVENT'
  /** Sources, by title (matched as typed) and current text. */
  | 'SOURCE';

/** Where the words are: `exact`, with `prefix`/`suffix` to choose among repeats, or with `start`/`end` (code points) from a selection; positions, when given, must hold exactly `exact`. */
export type SelectorInput = {
  /** Where the quote ends, excluded, in code points; give it with `start`. */
  end?: number | null | undefined;
  /** The words, exactly as in the text; at most 10,000 characters. */
  exact: string;
  /** Text that ends right where the quote begins, to pick one of its repeats. */
  prefix?: string | null | undefined;
  /** Where the quote starts: 0-based, in code points; give it with `end`. */
  start?: number | null | undefined;
  /** Text that begins right where the quote ends, to pick one of its repeats. */
  suffix?: string | null | undefined;
};

/** What sort of document a source is. */
export type SourceKind =
  /** A news report or article. */
  | 'NEWS_ARTICLE'
  /** A statement, press release or communiqué issued by a government or an organisation. */
  | 'OFFICIAL_STATEMENT'
  /** Any other document. */
  | 'OTHER'
  /** A report or study: by an NGO, the UN, a think tank or a government. */
  | 'REPORT'
  /** A record of speech: an interview, briefing, speech or broadcast. */
  | 'TRANSCRIPT';

/** Files to import as sources, each as its own job, with what is known of them all. */
export type StartImportBatchInput = {
  /** The files, from 1 to 1000; the request as a whole is at most 1 MiB. */
  files: Array<ImportBatchFileInput>;
  /** What sort of documents they are. */
  kind: SourceKind;
  /** BCP 47 language tag of every file: "en". */
  language: string;
  /** Propose drafts from each text (the default), or only record the sources. */
  propose?: boolean | null | undefined;
  /** ISO date of publication of every file, the first day of its period. */
  publishedAt?: string | null | undefined;
  /** How the date is known; required with `publishedAt`. */
  publishedBasis?: PublicationDateBasis | null | undefined;
  /** DAY, MONTH or YEAR; given with `publishedAt`. */
  publishedPrecision?: DatePrecision | null | undefined;
  /** Who published them. */
  publisher?: string | null | undefined;
  /** Admiralty grade of the sources, A to F. */
  reliability?: Reliability | null | undefined;
};

/** A claim or an event to send to review. */
export type SubmitForReviewInput = {
  /** A note for the reviewer. */
  comment?: string | null | undefined;
  /** The version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** A claim or an event. */
  id: string | number;
};

/** Left-out fields stay as they are; the span and the record a note is on do not change. */
export type UpdateAnnotationInput = {
  /** The note's text. */
  body?: string | null | undefined;
  /** The version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** The record to change. */
  id: string | number;
  /** Why the note is written. */
  motivation?: Motivation | null | undefined;
  /** The edit summary, kept in the revision. */
  reason?: string | null | undefined;
  /** Whether the matter the note raises is settled. */
  resolved?: boolean | null | undefined;
  /** Every tag: replaces the list. */
  tags?: Array<string> | null | undefined;
};

/** Re-selects the words evidence rests on, in the same source (its current text unless a revision is named). */
export type UpdateEvidenceInput = {
  /** The version you read; a stale one fails with CONFLICT and the current version. */
  expectedVersion: number;
  /** The record to change. */
  id: string | number;
  /** The edit summary, kept in the revision. */
  reason?: string | null | undefined;
  /** The words, selected again; the evidence is ANCHORED on them. */
  selector: SelectorInput;
  /** A snapshot of the same source's text; its current text when left out. */
  sourceRevisionId?: string | number | null | undefined;
};

export type AuditTrailQueryVariables = Exact<{
  actor?: string | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  recordType?: RecordType | null | undefined;
  operation?: RevisionOperation | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, recordType: RecordType, recordId: string, version: number, operation: RevisionOperation, reason: string | null, actor: string, actorName: string, createdAt: string, hash: string, prevHash: string | null } }> } };

export type ChainStatusQueryVariables = Exact<{
  recordType: RecordType;
  recordId: string | number;
}>;


export type ChainStatusQuery = { chainStatus: { verified: boolean, version: number, headHash: string, covered: boolean, coveredVersion: number | null, problem: { kind: LogProblemKind, version: number, problem: string } | null, checkpoint: { id: string, logPosition: string, treeSize: number, rootHash: string, createdAt: string } | null } };

export type LogVerificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type LogVerificationsQuery = { logVerifications: Array<{ id: string, status: LogVerificationStatus, startedBy: string, startedAt: string, finishedAt: string | null, totalRevisions: number, records: number, revisions: number, problems: number, firstBreak: Record<string, unknown> | null, checkpointsChecked: number | null, checkpointsRecomputed: number | null, checkpointProblems: Array<string> | null, error: string | null }>, checkpoints: Array<{ id: string, logPosition: string, treeSize: number, rootHash: string, createdAt: string, keyId: string }> };

export type AuditActorsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type AuditActorsQuery = { auditActors: Array<{ actor: string, name: string, kind: AuditActorKind, gone: boolean }> };

export type StartLogVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartLogVerificationMutation = { startLogVerification: { id: string, status: LogVerificationStatus } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, roles: Array<Role> } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { user: { id: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type HistoryQueryVariables = Exact<{
  recordId: string | number;
  recordType: RecordType;
}>;


export type HistoryQuery = { revisions: Array<{ id: string, version: number, operation: RevisionOperation, changes: Record<string, unknown>, state: Record<string, unknown>, reason: string | null, actor: string, actorName: string, createdAt: string, requestId: string | null, hash: string, prevHash: string | null }> };

export type RevertMutationVariables = Exact<{
  input: RevertInput;
}>;


export type RevertMutation = { revert:
    | { id: string, version: number }
    | { id: string, version: number }
    | { id: string, version: number }
    | { id: string, version: number }
    | { id: string, version: number }
    | { id: string, version: number }
    | Record<PropertyKey, never>
   };

export type ReviewMutationVariables = Exact<{
  input: ReviewInput;
}>;


export type ReviewMutation = { review:
    | { id: string, version: number, status: ReviewStatus }
    | { id: string, version: number, status: ReviewStatus }
   };

export type SubmitMutationVariables = Exact<{
  input: SubmitForReviewInput;
}>;


export type SubmitMutation = { submitForReview:
    | { id: string, version: number, status: ReviewStatus }
    | { id: string, version: number, status: ReviewStatus }
   };

export type ReviewQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { reviewQueue: { edges: Array<{ node: { recordType: RecordType, submittedAt: string, submittedBy: string, submittedByName: string, sentBack: boolean, submittedReason: string | null, lastEditedBy: string, lastVerifiedVersion: number | null, changesSinceVerified: Record<string, unknown>, evidenceChangesSinceVerified: Array<{ beforeStatus: AnchorStatus | null, afterStatus: AnchorStatus | null, changedBy: string, changedAt: string, reason: string | null, evidence: { id: string }, before: { exact: string } | null, after: { exact: string } | null }>, record:
          | { id: string, version: number, status: ReviewStatus, text: string, claimantName: string, attribution: Attribution, modality: ClaimModality, evidence: Array<{ id: string, anchorStatus: AnchorStatus, context: { before: string, exact: string, after: string }, source: { id: string, title: string } }> }
          | { id: string, version: number, status: ReviewStatus, title: string, summary: string | null, evidence: Array<{ id: string, anchorStatus: AnchorStatus, context: { before: string, exact: string, after: string }, source: { id: string, title: string } }> }
         } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { id: string } };

export type EventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type EventTypesQuery = { eventTypes: Array<{ code: string, label: string }> };

export type MergeEntitiesMutationVariables = Exact<{
  input: MergeEntitiesInput;
}>;


export type MergeEntitiesMutation = { mergeEntities: { id: string } };

export type RecordNewNameMutationVariables = Exact<{
  input: RecordNewNameInput;
}>;


export type RecordNewNameMutation = { recordNewName: { movedClaims: number, movedEvents: number, entity: { id: string } } };

export type DashboardCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCountsQuery = { claims_DRAFT: { totalCount: number }, events_DRAFT: { totalCount: number }, claims_IN_REVIEW: { totalCount: number }, events_IN_REVIEW: { totalCount: number }, claims_VERIFIED: { totalCount: number }, events_VERIFIED: { totalCount: number }, claims_DISPUTED: { totalCount: number }, events_DISPUTED: { totalCount: number }, claims_REJECTED: { totalCount: number }, events_REJECTED: { totalCount: number }, claims_RETRACTED: { totalCount: number }, events_RETRACTED: { totalCount: number }, sources: { totalCount: number }, entities: { totalCount: number } };

export type TimelineQueryVariables = Exact<{ [key: string]: never; }>;


export type TimelineQuery = { events: { edges: Array<{ node: { id: string, title: string, status: ReviewStatus, timeExpression: string | null, start: { date: string, precision: DatePrecision, latest: string } | null, end: { date: string, precision: DatePrecision, latest: string } | null } }> } };

export type LatestChangesQueryVariables = Exact<{
  actor?: string | null | undefined;
}>;


export type LatestChangesQuery = { auditTrail: { totalCount: number, edges: Array<{ node: { id: string, recordType: RecordType, recordId: string, operation: RevisionOperation, reason: string | null, actorName: string, createdAt: string } }> } };

export type StartImportBatchMutationVariables = Exact<{
  input: StartImportBatchInput;
}>;


export type StartImportBatchMutation = { startImportBatch: { id: string } };

export type ImportBatchQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportBatchQuery = { importBatch: { id: string, total: number, done: number, failed: number, pending: number, finishedAt: string | null, items: Array<{ id: string, position: number, fileName: string, status: ImportItemStatus, attempts: number, sourceId: string | null, sourceTitle: string | null, claimsProposed: number | null, eventsProposed: number | null, error: string | null }> } | null };

export type ImportSourceMutationVariables = Exact<{
  input: ImportSourceInput;
}>;


export type ImportSourceMutation = { importSource: { repeatedParagraphs: number, claimsProposed: number, eventsProposed: number, claimsCorroborating: number, eventsCorroborating: number, folded: number, newNames: Array<string>, steps: Array<string>, source: { id: string, title: string, storySources: Array<{ id: string, title: string }>, reprintOf: { id: string, title: string } | null }, duplicates: Array<{ similarity: number, source: { id: string, title: string } }> } };

export type ProposedClaimsQueryVariables = Exact<{
  filter?: ClaimFilter | null | undefined;
  first: number;
}>;


export type ProposedClaimsQuery = { claims: { totalCount: number, edges: Array<{ node: { id: string, version: number, text: string, claimantName: string, attribution: Attribution, modality: ClaimModality, checkWorthiness: number | null, corroborates: { id: string, text: string, status: ReviewStatus } | null, evidence: Array<{ id: string, context: { before: string, exact: string, after: string }, source: { id: string, title: string } }> } }> } };

export type ProposedEventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first: number;
}>;


export type ProposedEventsQuery = { events: { totalCount: number, edges: Array<{ node: { id: string, version: number, title: string, timeExpression: string | null, modality: EventModality, datesMorePrecisely: boolean, start: { date: string, precision: DatePrecision } | null, eventType: { label: string }, corroborates: { id: string, title: string, status: ReviewStatus, start: { date: string, precision: DatePrecision } | null } | null, evidence: Array<{ id: string, context: { before: string, exact: string, after: string }, source: { id: string, title: string } }> } }> }, annotationThreads: { edges: Array<{ node: { id: string, version: number, body: string, targetId: string, span: { selector: { exact: string } } | null } }> } };

export type SourceStoryQueryVariables = Exact<{
  id: string | number;
}>;


export type SourceStoryQuery = { source: { id: string, storySources: Array<{ id: string, title: string }> } | null };

export type AcceptProposalMutationVariables = Exact<{
  input: AcceptProposalInput;
}>;


export type AcceptProposalMutation = { acceptProposal:
    | { __typename: 'Claim' }
    | { __typename: 'Event' }
   };

export type MergeProposalMutationVariables = Exact<{
  input: MergeProposalInput;
}>;


export type MergeProposalMutation = { mergeProposal:
    | { __typename: 'Claim' }
    | { __typename: 'Event' }
   };

export type DiscardClaimMutationVariables = Exact<{
  input: DeleteInput;
}>;


export type DiscardClaimMutation = { deleteClaim: { id: string } };

export type DiscardEventMutationVariables = Exact<{
  input: DeleteInput;
}>;


export type DiscardEventMutation = { deleteEvent: { id: string } };

export type ResolveNoteMutationVariables = Exact<{
  input: UpdateAnnotationInput;
}>;


export type ResolveNoteMutation = { updateAnnotation: { id: string } };

export type FindRecordsQueryVariables = Exact<{
  q: string;
  types?: Array<SearchType> | SearchType | null | undefined;
}>;


export type FindRecordsQuery = { search: { edges: Array<{ node: { record:
          | { id: string, text: string }
          | { id: string, title: string }
          | Record<PropertyKey, never>
         } }> } };

export type ReaderSourceQueryVariables = Exact<{
  id: string | number;
}>;


export type ReaderSourceQuery = { source: { id: string, version: number, title: string, currentRevision: { id: string, number: number, text: string, blocks: Array<{ start: number, end: number, kind: BlockKind, repeatOf: number | null }> } } | null };

export type ReaderClaimsQueryVariables = Exact<{
  filter?: ClaimFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReaderClaimsQuery = { claims: { edges: Array<{ node: { id: string, text: string, status: ReviewStatus, evidence: Array<{ id: string, version: number, anchorStatus: AnchorStatus, selector: { exact: string, start: number, end: number }, sourceRevision: { id: string, number: number } }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReaderEventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReaderEventsQuery = { events: { edges: Array<{ node: { id: string, title: string, status: ReviewStatus, evidence: Array<{ id: string, version: number, anchorStatus: AnchorStatus, selector: { exact: string, start: number, end: number }, sourceRevision: { id: string, number: number } }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateEvidenceMutationVariables = Exact<{
  input: CreateEvidenceInput;
}>;


export type CreateEvidenceMutation = { createEvidence: { id: string } };

export type ReselectEvidenceMutationVariables = Exact<{
  input: UpdateEvidenceInput;
}>;


export type ReselectEvidenceMutation = { updateEvidence: { id: string, anchorStatus: AnchorStatus } };

export type ConfirmEvidenceMutationVariables = Exact<{
  input: ConfirmEvidenceInput;
}>;


export type ConfirmEvidenceMutation = { confirmEvidence: { id: string, anchorStatus: AnchorStatus } };

export type CorrectSourceTextMutationVariables = Exact<{
  input: CorrectSourceTextInput;
}>;


export type CorrectSourceTextMutation = { correctSourceText: { preview: boolean, anchored: number, fuzzy: number, orphaned: number, annotationsMoved: number, revision: { number: number }, reopened: Array<
      | { __typename: 'Claim', id: string, text: string, status: ReviewStatus, reReview: { since: string } | null }
      | { __typename: 'Event', id: string, title: string, status: ReviewStatus, reReview: { since: string } | null }
    >, changes: Array<{ status: AnchorStatus, method: string | null, similarity: number | null, before: { exact: string, start: number }, after: { exact: string, start: number } | null, evidence: { id: string, claim: { id: string, text: string } | null, event: { id: string, title: string } | null } }> } };

export type ReviewStepDetailFragment = { status: ReviewStatus, comment: string | null, actor: string | null, actorName: string | null, at: string };

export type EvidenceDetailFragment = { id: string, version: number, anchorStatus: AnchorStatus, selector: { exact: string, prefix: string, suffix: string, start: number, end: number }, context: { before: string, exact: string, after: string }, source: { id: string, title: string }, sourceRevision: { id: string, number: number } };

export type ClaimDetailFragment = { reReview: { since: string, note: string } | null, claimant: { id: string, name: string } | null, eventList: Array<{ id: string, title: string, status: ReviewStatus }>, entityList: Array<{ id: string, name: string, kind: EntityKind }>, linkList: Array<{ type: ClaimLinkType, claim: { id: string, text: string, status: ReviewStatus } }>, reviews: Array<{ status: ReviewStatus, comment: string | null, actor: string | null, actorName: string | null, at: string }>, evidence: Array<{ id: string, version: number, anchorStatus: AnchorStatus, selector: { exact: string, prefix: string, suffix: string, start: number, end: number }, context: { before: string, exact: string, after: string }, source: { id: string, title: string }, sourceRevision: { id: string, number: number } }> };

export type EventDetailFragment = { reReview: { since: string, note: string } | null, eventType: { code: string, label: string }, start: { date: string, precision: DatePrecision, latest: string } | null, end: { date: string, precision: DatePrecision, latest: string } | null, place: { id: string, name: string } | null, parent: { id: string, title: string } | null, participantList: Array<{ role: ParticipantRole, label: string | null, entity: { id: string, name: string } | null }>, claimList: Array<{ id: string, text: string, status: ReviewStatus, claimantName: string }>, reviews: Array<{ status: ReviewStatus, comment: string | null, actor: string | null, actorName: string | null, at: string }>, evidence: Array<{ id: string, version: number, anchorStatus: AnchorStatus, selector: { exact: string, prefix: string, suffix: string, start: number, end: number }, context: { before: string, exact: string, after: string }, source: { id: string, title: string }, sourceRevision: { id: string, number: number } }> };

export type EntityDetailFragment = { externalIds: Array<{ scheme: string, value: string }>, mergedInto: { id: string, name: string } | null };

export type SourceDetailFragment = { currentRevision: { id: string, number: number, sha256: string, createdAt: string, actor: string, reason: string | null }, revisionList: Array<{ id: string, number: number, sha256: string, createdAt: string, actor: string, reason: string | null }>, storySources: Array<{ id: string, title: string, publisher: string | null, publishedAt: string | null, publishedPrecision: DatePrecision | null }>, reprintOf: { id: string, title: string } | null };

export type AnnotationDetailFragment = { span: { sourceRevisionId: string, selector: { exact: string, start: number, end: number } } | null };

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
export const ReviewStepDetailFragmentDoc = new TypedDocumentString(`
    fragment ReviewStepDetail on ReviewStep {
  status
  comment
  actor
  actorName
  at
}
    `, {"fragmentName":"ReviewStepDetail"}) as unknown as TypedDocumentString<ReviewStepDetailFragment, unknown>;
export const EvidenceDetailFragmentDoc = new TypedDocumentString(`
    fragment EvidenceDetail on Evidence {
  id
  version
  anchorStatus
  selector {
    exact
    prefix
    suffix
    start
    end
  }
  context(chars: 160) {
    before
    exact
    after
  }
  source {
    id
    title
  }
  sourceRevision {
    id
    number
  }
}
    `, {"fragmentName":"EvidenceDetail"}) as unknown as TypedDocumentString<EvidenceDetailFragment, unknown>;
export const ClaimDetailFragmentDoc = new TypedDocumentString(`
    fragment ClaimDetail on Claim {
  reReview {
    since
    note
  }
  claimant {
    id
    name
  }
  eventList: events {
    id
    title
    status
  }
  entityList: entities {
    id
    name
    kind
  }
  linkList: links {
    type
    claim {
      id
      text
      status
    }
  }
  reviews {
    ...ReviewStepDetail
  }
  evidence {
    ...EvidenceDetail
  }
}
    fragment ReviewStepDetail on ReviewStep {
  status
  comment
  actor
  actorName
  at
}
fragment EvidenceDetail on Evidence {
  id
  version
  anchorStatus
  selector {
    exact
    prefix
    suffix
    start
    end
  }
  context(chars: 160) {
    before
    exact
    after
  }
  source {
    id
    title
  }
  sourceRevision {
    id
    number
  }
}`, {"fragmentName":"ClaimDetail"}) as unknown as TypedDocumentString<ClaimDetailFragment, unknown>;
export const EventDetailFragmentDoc = new TypedDocumentString(`
    fragment EventDetail on Event {
  reReview {
    since
    note
  }
  eventType: type {
    code
    label
  }
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
  place {
    id
    name
  }
  parent {
    id
    title
  }
  participantList: participants {
    role
    label
    entity {
      id
      name
    }
  }
  claimList: claims {
    id
    text
    status
    claimantName
  }
  reviews {
    ...ReviewStepDetail
  }
  evidence {
    ...EvidenceDetail
  }
}
    fragment ReviewStepDetail on ReviewStep {
  status
  comment
  actor
  actorName
  at
}
fragment EvidenceDetail on Evidence {
  id
  version
  anchorStatus
  selector {
    exact
    prefix
    suffix
    start
    end
  }
  context(chars: 160) {
    before
    exact
    after
  }
  source {
    id
    title
  }
  sourceRevision {
    id
    number
  }
}`, {"fragmentName":"EventDetail"}) as unknown as TypedDocumentString<EventDetailFragment, unknown>;
export const EntityDetailFragmentDoc = new TypedDocumentString(`
    fragment EntityDetail on Entity {
  externalIds {
    scheme
    value
  }
  mergedInto {
    id
    name
  }
}
    `, {"fragmentName":"EntityDetail"}) as unknown as TypedDocumentString<EntityDetailFragment, unknown>;
export const SourceDetailFragmentDoc = new TypedDocumentString(`
    fragment SourceDetail on Source {
  currentRevision {
    id
    number
    sha256
    createdAt
    actor
    reason
  }
  revisionList: revisions {
    id
    number
    sha256
    createdAt
    actor
    reason
  }
  storySources {
    id
    title
    publisher
    publishedAt
    publishedPrecision
  }
  reprintOf {
    id
    title
  }
}
    `, {"fragmentName":"SourceDetail"}) as unknown as TypedDocumentString<SourceDetailFragment, unknown>;
export const AnnotationDetailFragmentDoc = new TypedDocumentString(`
    fragment AnnotationDetail on Annotation {
  span {
    sourceRevisionId
    selector {
      exact
      start
      end
    }
  }
}
    `, {"fragmentName":"AnnotationDetail"}) as unknown as TypedDocumentString<AnnotationDetailFragment, unknown>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($actor: String, $since: DateTimeISO, $until: DateTimeISO, $recordType: RecordType, $operation: RevisionOperation, $first: Int, $after: String) {
  auditTrail(
    actor: $actor
    since: $since
    until: $until
    recordType: $recordType
    operation: $operation
    first: $first
    after: $after
  ) {
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
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const ChainStatusDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ChainStatusQuery, ChainStatusQueryVariables>;
export const LogVerificationsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<LogVerificationsQuery, LogVerificationsQueryVariables>;
export const AuditActorsDocument = new TypedDocumentString(`
    query AuditActors($search: String) {
  auditActors(search: $search, first: 50) {
    actor
    name
    kind
    gone
  }
}
    `) as unknown as TypedDocumentString<AuditActorsQuery, AuditActorsQueryVariables>;
export const StartLogVerificationDocument = new TypedDocumentString(`
    mutation StartLogVerification {
  startLogVerification {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<StartLogVerificationMutation, StartLogVerificationMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    email
    roles
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const HistoryDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const RevertDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RevertMutation, RevertMutationVariables>;
export const ReviewDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReviewMutation, ReviewMutationVariables>;
export const SubmitDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SubmitMutation, SubmitMutationVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const EventTypesDocument = new TypedDocumentString(`
    query EventTypes {
  eventTypes {
    code
    label
  }
}
    `) as unknown as TypedDocumentString<EventTypesQuery, EventTypesQueryVariables>;
export const MergeEntitiesDocument = new TypedDocumentString(`
    mutation MergeEntities($input: MergeEntitiesInput!) {
  mergeEntities(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<MergeEntitiesMutation, MergeEntitiesMutationVariables>;
export const RecordNewNameDocument = new TypedDocumentString(`
    mutation RecordNewName($input: RecordNewNameInput!) {
  recordNewName(input: $input) {
    movedClaims
    movedEvents
    entity {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RecordNewNameMutation, RecordNewNameMutationVariables>;
export const DashboardCountsDocument = new TypedDocumentString(`
    query DashboardCounts {
  claims_DRAFT: claims(filter: {status: [DRAFT]}, first: 1) {
    totalCount
  }
  events_DRAFT: events(filter: {status: [DRAFT]}, first: 1) {
    totalCount
  }
  claims_IN_REVIEW: claims(filter: {status: [IN_REVIEW]}, first: 1) {
    totalCount
  }
  events_IN_REVIEW: events(filter: {status: [IN_REVIEW]}, first: 1) {
    totalCount
  }
  claims_VERIFIED: claims(filter: {status: [VERIFIED]}, first: 1) {
    totalCount
  }
  events_VERIFIED: events(filter: {status: [VERIFIED]}, first: 1) {
    totalCount
  }
  claims_DISPUTED: claims(filter: {status: [DISPUTED]}, first: 1) {
    totalCount
  }
  events_DISPUTED: events(filter: {status: [DISPUTED]}, first: 1) {
    totalCount
  }
  claims_REJECTED: claims(filter: {status: [REJECTED]}, first: 1) {
    totalCount
  }
  events_REJECTED: events(filter: {status: [REJECTED]}, first: 1) {
    totalCount
  }
  claims_RETRACTED: claims(filter: {status: [RETRACTED]}, first: 1) {
    totalCount
  }
  events_RETRACTED: events(filter: {status: [RETRACTED]}, first: 1) {
    totalCount
  }
  sources(first: 1) {
    totalCount
  }
  entities(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<DashboardCountsQuery, DashboardCountsQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const LatestChangesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<LatestChangesQuery, LatestChangesQueryVariables>;
export const StartImportBatchDocument = new TypedDocumentString(`
    mutation StartImportBatch($input: StartImportBatchInput!) {
  startImportBatch(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartImportBatchMutation, StartImportBatchMutationVariables>;
export const ImportBatchDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImportBatchQuery, ImportBatchQueryVariables>;
export const ImportSourceDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImportSourceMutation, ImportSourceMutationVariables>;
export const ProposedClaimsDocument = new TypedDocumentString(`
    query ProposedClaims($filter: ClaimFilter, $first: Int!) {
  claims(
    filter: $filter
    first: $first
    order: OLDEST_FIRST
    ranking: CHECK_WORTHINESS
  ) {
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
    `) as unknown as TypedDocumentString<ProposedClaimsQuery, ProposedClaimsQueryVariables>;
export const ProposedEventsDocument = new TypedDocumentString(`
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
  annotationThreads(filter: {tag: "new-name", resolved: false}, first: 100) {
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
    `) as unknown as TypedDocumentString<ProposedEventsQuery, ProposedEventsQueryVariables>;
export const SourceStoryDocument = new TypedDocumentString(`
    query SourceStory($id: ID!) {
  source(id: $id) {
    id
    storySources {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<SourceStoryQuery, SourceStoryQueryVariables>;
export const AcceptProposalDocument = new TypedDocumentString(`
    mutation AcceptProposal($input: AcceptProposalInput!) {
  acceptProposal(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<AcceptProposalMutation, AcceptProposalMutationVariables>;
export const MergeProposalDocument = new TypedDocumentString(`
    mutation MergeProposal($input: MergeProposalInput!) {
  mergeProposal(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<MergeProposalMutation, MergeProposalMutationVariables>;
export const DiscardClaimDocument = new TypedDocumentString(`
    mutation DiscardClaim($input: DeleteInput!) {
  deleteClaim(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<DiscardClaimMutation, DiscardClaimMutationVariables>;
export const DiscardEventDocument = new TypedDocumentString(`
    mutation DiscardEvent($input: DeleteInput!) {
  deleteEvent(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<DiscardEventMutation, DiscardEventMutationVariables>;
export const ResolveNoteDocument = new TypedDocumentString(`
    mutation ResolveNote($input: UpdateAnnotationInput!) {
  updateAnnotation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ResolveNoteMutation, ResolveNoteMutationVariables>;
export const FindRecordsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<FindRecordsQuery, FindRecordsQueryVariables>;
export const ReaderSourceDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReaderSourceQuery, ReaderSourceQueryVariables>;
export const ReaderClaimsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReaderClaimsQuery, ReaderClaimsQueryVariables>;
export const ReaderEventsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReaderEventsQuery, ReaderEventsQueryVariables>;
export const CreateEvidenceDocument = new TypedDocumentString(`
    mutation CreateEvidence($input: CreateEvidenceInput!) {
  createEvidence(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateEvidenceMutation, CreateEvidenceMutationVariables>;
export const ReselectEvidenceDocument = new TypedDocumentString(`
    mutation ReselectEvidence($input: UpdateEvidenceInput!) {
  updateEvidence(input: $input) {
    id
    anchorStatus
  }
}
    `) as unknown as TypedDocumentString<ReselectEvidenceMutation, ReselectEvidenceMutationVariables>;
export const ConfirmEvidenceDocument = new TypedDocumentString(`
    mutation ConfirmEvidence($input: ConfirmEvidenceInput!) {
  confirmEvidence(input: $input) {
    id
    anchorStatus
  }
}
    `) as unknown as TypedDocumentString<ConfirmEvidenceMutation, ConfirmEvidenceMutationVariables>;
export const CorrectSourceTextDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CorrectSourceTextMutation, CorrectSourceTextMutationVariables>;