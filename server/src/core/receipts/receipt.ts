/**
 * A provenance receipt: what `/receipts/claims/<id>` and `/receipts/events/<id>` answer, everything needed to
 * check a published record offline against the checkpoint key alone. Pure types: the verifier beside it reads
 * them with no database and no server.
 */

export const RECEIPT_FORMAT = 'provenance-store receipt v1';

/** What a revision's hash covers, beyond what every revision in a receipt shows; absent from a sealed revision. */
export interface DisclosedParts {
  actor: string;
  actorUserId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  state: Record<string, unknown>;
  reason: string | null;
  requestId: string | null;
}

/**
 * One revision of one record. Disclosed, it holds every field its hash covers (`revisionDocument` rebuilds the
 * exact canonical bytes from them). Sealed, it holds only its place in the chain: the caller may not read the
 * rest (an unpublished state, an edit summary, a reviewer), so its hash is given, not recomputed.
 */
export interface ReceiptRevision extends Partial<DisclosedParts> {
  logId: string;
  version: number;
  operation: string;
  createdAt: string;
  hash: string;
  prevHash: string | null;
  sealed?: true;
}

/** RFC 6962 inclusion of one chain head (`[recordType, recordId, version, hash]`) in the checkpoint's tree. */
export interface ReceiptInclusion {
  version: number;
  leafIndex: number;
  /** Hex hashes from the leaf up. */
  path: string[];
}

/** One record's whole chain: the subject's, each evidence's, and each source's whose text the evidence quotes. */
export interface ReceiptChain {
  recordType: string;
  recordId: string;
  revisions: ReceiptRevision[];
  /** Null when no checkpoint covers the chain yet. */
  inclusion: ReceiptInclusion | null;
}

export interface ReceiptSelector {
  type: 'TextQuoteSelector' | 'TextPositionSelector';
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface ReceiptEvidence {
  '@id': string;
  id: string;
  version: number;
  anchorStatus: string;
  /**
   * True when these are the words its record was verified on, kept (the head's `verifiedQuote`) while a correction
   * of the source that reworded them awaits re-review; client apps read these, staff the evidence as it stands.
   */
  asVerified?: true;
  /** The snapshot the selectors point into. */
  snapshot: string;
  selector: [ReceiptSelector & { type: 'TextQuoteSelector' }, ReceiptSelector & { type: 'TextPositionSelector' }];
}

export interface ReceiptSnapshot {
  '@id': string;
  id: string;
  sourceId: string;
  number: number;
  sha256: string;
  /** The snapshot's whole text, when asked for (`?snapshots=1`). */
  text?: string;
}

export interface ReceiptReviewStep {
  version: number;
  status: string;
  at: string;
  /** Staff only, as everywhere else. */
  actor?: string;
  comment?: string | null;
}

export interface ReceiptCheckpoint {
  logPosition: string;
  treeSize: number;
  rootHash: string;
  createdAt: string;
  keyId: string;
  signature: string;
}

export interface Receipt {
  '@context': unknown;
  '@id': string;
  '@type': 'ProvenanceReceipt';
  format: typeof RECEIPT_FORMAT;
  issuedAt: string;
  /** `complete` for staff: every revision disclosed. `public`: what anonymous callers and client apps may read. */
  disclosure: 'complete' | 'public';
  subject: { '@id': string; recordType: 'Claim' | 'Event'; id: string; version: number; state: Record<string, unknown> };
  evidence: ReceiptEvidence[];
  snapshots: ReceiptSnapshot[];
  reviewSteps: ReceiptReviewStep[];
  chains: ReceiptChain[];
  /** The latest signed checkpoint when the receipt was issued; null when none was made yet. */
  checkpoint: ReceiptCheckpoint | null;
  /** Where to fetch the key the checkpoint is signed with (check its id against `checkpoint.keyId`). */
  publicKey: string;
}
