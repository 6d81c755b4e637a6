import express, { type Response, type Router } from 'express';
import { type DataSource, In } from 'typeorm';

import type { Config } from '../config.js';
import { seesUnreviewed, type Viewer } from '../core/access/viewer.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import {
  type Receipt,
  RECEIPT_FORMAT,
  type ReceiptChain,
  type ReceiptEvidence,
  type ReceiptRevision,
  type ReceiptSnapshot,
} from '../core/receipts/receipt.js';
import { PUBLIC_STATUSES, type ReviewStatus } from '../core/review/status.js';
import { Revision } from '../core/revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../core/revisions/revisions.enums.js';
import { reviewStepsSeenBy } from '../core/visibility/visibility.js';
import type { Services } from '../graphql/context.js';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../graphql/errors.js';
import { Evidence } from '../modules/evidence/evidence.entity.js';
import { quoteSeenBy } from '../modules/evidence/quote-seen.js';
import { recordKind } from '../modules/records.js';
import { SourceRevision } from '../modules/sources/source-revision.entity.js';
import { ReceiptLimiter } from '../modules/users/receipt-limiter.js';
import { claimsQuery, eventsQuery, NO_FILTERS } from './exports/filters.js';
import type { Iris } from './exports/iris.js';
import { sessionCookieFor, viewerOf } from './session.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_LD = 'application/ld+json';
const KINDS = { claims: { kind: 'claim', recordType: RecordType.CLAIM }, events: { kind: 'event', recordType: RecordType.EVENT } } as const;
type SubjectKind = (typeof KINDS)[keyof typeof KINDS];

function errorBody(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export interface ReceiptsRouterOptions {
  dataSource: DataSource;
  services: Services;
  auth: Config['auth'];
  iris: Iris;
  log: (message: string, error?: unknown) => void;
}

/**
 * `GET /receipts/claims/<id>` and `/receipts/events/<id>` (`?snapshots=1` adds the snapshots' texts): a record's
 * provenance receipt for whoever may see the record, 404 for anyone else; anonymous callers get RECEIPT_LIMITS a
 * window per address, then 429. See core/receipts/ for its format and its verifier, and docs/api.md.
 */
export function receiptsRouter({ dataSource, services, auth, iris, log }: ReceiptsRouterOptions): Router {
  const router = express.Router();
  const limiter = new ReceiptLimiter(dataSource);
  router.get('/receipts/:kind/:id', async (req, res) => {
    const { kind, id } = req.params;
    const subject = KINDS[kind as keyof typeof KINDS] as SubjectKind | undefined;
    if (!subject || !Object.hasOwn(KINDS, kind))
      return errorBody(res, 404, ErrorCode.NOT_FOUND, `No receipts for ${kind}; there are receipts for claims and events`);
    if (!UUID.test(id)) return errorBody(res, 404, ErrorCode.NOT_FOUND, `No ${subject.kind} has the id ${id}`);
    try {
      const viewer = await viewerOf(req, sessionCookieFor(res, auth), services);
      if (viewer.roles.length === 0) await limiter.request(req.ip ?? 'unknown');
      res.setHeader('Cache-Control', 'no-store');
      const withTexts = req.query.snapshots === '1' || req.query.snapshots === 'true';
      const receipt = await buildReceipt({ dataSource, services, iris, viewer }, subject, id.toLowerCase(), withTexts);
      if (!receipt) return errorBody(res, 404, ErrorCode.NOT_FOUND, `No ${subject.kind} ${id}, or none you may see`);
      res.type(JSON_LD).send(JSON.stringify(receipt, null, 2));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
        errorBody(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, DATABASE_UNAVAILABLE);
      } else if (error instanceof DomainError && error.code === ErrorCode.RATE_LIMITED) {
        res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
        errorBody(res, 429, error.code, error.message);
      } else if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
        errorBody(res, 401, error.code, error.message);
      } else {
        log(`Receipt of ${kind} ${id} failed`, error);
        errorBody(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      }
    }
  });
  return router;
}

interface Building {
  dataSource: DataSource;
  services: Services;
  iris: Iris;
  viewer: Viewer;
}

/**
 * Whether the public may read everything a revision's hash covers. Edit summaries, review comments and who
 * reviewed are staff-only (as in the API and the PROV export), and so is a claim's or event's content while it
 * was not published; the hash covers them all, so such a revision is sealed rather than cut.
 */
function publicRevision(revision: Revision, previous: Revision | undefined): boolean {
  if (revision.reason !== null || revision.operation === RevisionOperation.REVIEW) return false;
  if (revision.recordType !== RecordType.CLAIM && revision.recordType !== RecordType.EVENT) return true;
  const published = (state: Record<string, unknown> | undefined) => PUBLIC_STATUSES.includes(state?.status as ReviewStatus);
  return published(revision.state) && (previous === undefined || published(previous.state));
}

function receiptRevision(revision: Revision, disclosed: boolean): ReceiptRevision {
  const place = {
    logId: revision.id,
    version: revision.version,
    operation: revision.operation,
    createdAt: revision.createdAt.toISOString(),
    hash: revision.hash,
    prevHash: revision.prevHash,
  };
  if (!disclosed) return { ...place, sealed: true };
  const { actor, actorUserId, changes, state, reason, requestId } = revision;
  return { ...place, actor, actorUserId, changes, state, reason, requestId };
}

export async function buildReceipt(
  { dataSource, services, iris, viewer }: Building,
  subject: SubjectKind,
  id: string,
  withTexts: boolean,
): Promise<Receipt | null> {
  const filters = { ...NO_FILTERS, record: { kind: subject.kind, id } };
  const visible = subject.kind === 'claim' ? claimsQuery(dataSource, viewer, filters) : eventsQuery(dataSource, viewer, filters);
  if (!visible || !(await visible.getExists())) return null;
  const manager = dataSource.manager;
  const staff = seesUnreviewed(viewer);

  const state = await recordKind(subject.recordType).loadState(manager, id);
  if (!state) return null;
  const evidence = await manager.find(Evidence, {
    where: subject.kind === 'claim' ? { claimId: id } : { eventId: id },
    order: { id: 'ASC' },
  });
  const current = evidence.filter((item) => item.deletedAt === null);
  const quotes = new Map(current.map((item) => [item.id, quoteSeenBy(viewer, item)]));
  const snapshots = current.length
    ? await manager.find(SourceRevision, {
        where: { id: In([...new Set([...quotes.values()].map((quote) => quote.sourceRevisionId))]) },
        order: { id: 'ASC' },
      })
    : [];
  const sourceIds = [...new Set(snapshots.map((snapshot) => snapshot.sourceId))];

  const records: Array<{ recordType: RecordType; ids: string[] }> = [
    { recordType: subject.recordType, ids: [id] },
    { recordType: RecordType.EVIDENCE, ids: current.map((item) => item.id) },
    { recordType: RecordType.SOURCE, ids: sourceIds },
  ];
  const chains: ReceiptChain[] = [];
  for (const { recordType, ids } of records) {
    if (ids.length === 0) continue;
    const revisions = await manager.find(Revision, {
      where: { recordType, recordId: In(ids) },
      order: { recordId: 'ASC', version: 'ASC' },
    });
    for (const recordId of ids) {
      const chain = revisions.filter((revision) => revision.recordId === recordId);
      chains.push({
        recordType,
        recordId,
        revisions: chain.map((revision, i) => receiptRevision(revision, staff || publicRevision(revision, chain[i - 1]))),
        inclusion: null,
      });
    }
  }
  const subjectRevisions = chains[0]!.revisions;

  // Signing on demand would let any anonymous caller make the server walk the whole log and grow an append-only
  // table; the periodic checkpoints cover a new head within CHECKPOINT_INTERVAL_SECONDS, and the receipt says so.
  const checkpoint = await services.checkpoints.latest();
  if (checkpoint) {
    const proofs = await services.checkpoints.inclusionProofsOf(checkpoint, chains);
    for (const chain of chains) {
      const proof = proofs.get(`${chain.recordType}/${chain.recordId}`);
      if (proof) chain.inclusion = { version: proof.head.version, leafIndex: proof.leafIndex, path: proof.path };
    }
  }

  const reviewRevisions = await manager.find(Revision, {
    where: { recordType: subject.recordType, recordId: id, operation: RevisionOperation.REVIEW },
    order: { version: 'ASC' },
  });
  const steps = reviewStepsSeenBy(
    viewer,
    reviewRevisions.map((revision) => ({
      version: revision.version,
      status: revision.state.status as ReviewStatus,
      at: revision.createdAt.toISOString(),
      comment: revision.reason,
      actor: revision.actor as string | null,
      actorUserId: revision.actorUserId,
    })),
  );

  const snapshotNodes: ReceiptSnapshot[] = snapshots.map((snapshot) => ({
    '@id': iris.record('source-revision', snapshot.id),
    id: snapshot.id,
    sourceId: snapshot.sourceId,
    number: snapshot.number,
    sha256: snapshot.sha256,
    ...(withTexts ? { text: snapshot.text } : {}),
  }));
  const evidenceNodes: ReceiptEvidence[] = current.map((item) => {
    const { sourceRevisionId, selector, anchorStatus, asVerified } = quoteSeenBy(viewer, item);
    return {
      '@id': iris.record('evidence', item.id),
      id: item.id,
      version: item.version,
      anchorStatus,
      ...(asVerified ? { asVerified } : {}),
      snapshot: sourceRevisionId,
      selector: [
        { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix },
        { type: 'TextPositionSelector', start: selector.start, end: selector.end },
      ],
    };
  });

  return {
    '@context': {
      '@vocab': iris.vocabulary,
      oa: 'http://www.w3.org/ns/oa#',
      TextQuoteSelector: 'oa:TextQuoteSelector',
      TextPositionSelector: 'oa:TextPositionSelector',
      exact: 'oa:exact',
      prefix: 'oa:prefix',
      suffix: 'oa:suffix',
      start: 'oa:start',
      end: 'oa:end',
      selector: { '@id': 'oa:hasSelector', '@container': '@list' },
      state: { '@type': '@json' },
      changes: { '@type': '@json' },
    },
    '@id': `${iris.origin}/receipts/${subject.kind}s/${id}`,
    '@type': 'ProvenanceReceipt',
    format: RECEIPT_FORMAT,
    issuedAt: new Date().toISOString(),
    disclosure: staff ? 'complete' : 'public',
    subject: {
      '@id': iris.record(subject.kind, id),
      recordType: subject.recordType as 'Claim' | 'Event',
      id,
      version: subjectRevisions.at(-1)?.version ?? 0,
      state,
    },
    evidence: evidenceNodes,
    snapshots: snapshotNodes,
    reviewSteps: steps.map(({ version, status, at, actor, comment }) => ({
      version,
      status,
      at,
      ...(staff ? { actor: actor ?? undefined, comment } : {}),
    })),
    chains,
    checkpoint: checkpoint && {
      logPosition: checkpoint.logPosition,
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      createdAt: checkpoint.createdAt.toISOString(),
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    },
    publicKey: `${iris.origin}/exports/checkpoints/public-key`,
  };
}
