import type { KeyObject } from 'node:crypto';

import { sliceCodePoints } from '../anchoring/text-quote.js';
import { chainHeadHash, checkpointSignatureValid } from '../checkpoints/checkpoint.js';
import { verifyInclusion } from '../checkpoints/merkle.js';
import { sameJson, sha256Hex } from '../revisions/canonical-json.js';
import { revisionHash } from '../revisions/chain.js';
import { replayChanges } from '../revisions/diff.js';
import { type Receipt, RECEIPT_FORMAT, type ReceiptChain, type ReceiptRevision } from './receipt.js';

/** The checks a receipt undergoes, named as a failure names them. */
export type ReceiptCheck =
  | 'format'
  | 'revision chain'
  | 'revision hash'
  | 'replay'
  | 'record as published'
  | 'evidence'
  | 'snapshot'
  | 'quote'
  | 'review step'
  | 'signature'
  | 'inclusion proof'
  | 'coverage';

export interface ReceiptFailure {
  check: ReceiptCheck;
  /** Where, in words: the chain and version, the evidence, the snapshot or the checkpoint. */
  where: string;
  problem: string;
}

export interface ReceiptVerification {
  ok: boolean;
  failures: ReceiptFailure[];
  /** What held, one line each. */
  verified: string[];
  /** What the receipt does not disclose enough to check. */
  unchecked: string[];
}

const REVIEW = 'REVIEW';
const isDisclosed = (revision: ReceiptRevision): revision is ReceiptRevision & Required<Omit<ReceiptRevision, 'sealed'>> =>
  !revision.sealed && revision.state !== undefined && revision.changes !== undefined && revision.actor !== undefined;
const chainName = (chain: Pick<ReceiptChain, 'recordType' | 'recordId'>) => `${chain.recordType} ${chain.recordId}`;

/**
 * Checks a receipt with nothing but the checkpoint's public key: each quote stands at its position in the
 * snapshot whose hash is given, each snapshot's hash is the one its source's chain recorded, every revision
 * hashes as given and links to the one before, replaying a chain gives each state, the record and its evidence as
 * published are their chains' heads, each review step is a revision of the record, every chain's head is in the
 * signed tree by its inclusion proof, and the tree head's signature verifies. Pure: no database, no network.
 */
export function verifyReceipt(receipt: Receipt, publicKey: KeyObject): ReceiptVerification {
  const failures: ReceiptFailure[] = [];
  const verified: string[] = [];
  const unchecked: string[] = [];
  const fail = (check: ReceiptCheck, where: string, problem: string) => failures.push({ check, where, problem });
  const done = () => ({ ok: failures.length === 0, failures, verified, unchecked });

  if (receipt?.format !== RECEIPT_FORMAT) {
    fail('format', 'the receipt', `its format is ${JSON.stringify(receipt?.format)}, not "${RECEIPT_FORMAT}"`);
    return done();
  }
  const missing = (['chains', 'evidence', 'snapshots', 'reviewSteps'] as const).filter((key) => !Array.isArray(receipt[key]));
  if (missing.length > 0 || typeof receipt.subject?.id !== 'string') {
    fail('format', 'the receipt', `it lacks ${[...missing, ...(typeof receipt.subject?.id === 'string' ? [] : ['subject'])].join(', ')}`);
    return done();
  }
  const chains = new Map(receipt.chains.map((chain) => [`${chain.recordType}/${chain.recordId}`, chain]));
  const chainOf = (recordType: string, recordId: string) => chains.get(`${recordType}/${recordId}`);

  let sealed = 0;
  let revisions = 0;
  for (const chain of receipt.chains) {
    sealed += verifyChain(chain, fail);
    revisions += chain.revisions.length;
  }
  verified.push(`${revisions - sealed} of ${revisions} revisions in ${receipt.chains.length} chains hash as given and chain`);
  if (sealed > 0)
    unchecked.push(
      `${sealed} revisions are sealed for this caller (${receipt.disclosure} disclosure): their links are checked, their hashes and states are not`,
    );

  const subject = receipt.subject;
  const subjectChain = chainOf(subject.recordType, subject.id);
  const subjectName = `${subject.recordType} ${subject.id}`;
  if (!subjectChain) fail('record as published', subjectName, 'the receipt holds no chain for it');
  else {
    const head = subjectChain.revisions.at(-1);
    if (!head || head.version !== subject.version)
      fail('record as published', subjectName, `it is published at version ${subject.version}, its chain ends at ${head?.version}`);
    else if (!isDisclosed(head)) unchecked.push(`${subjectName}: its head revision is sealed, so its published state is not tied to it`);
    else if (!sameJson(head.state, subject.state))
      fail(
        'record as published',
        `${subjectName}, version ${head.version}`,
        'the record as published is not the state its head revision holds',
      );
    else verified.push(`${subjectName} as published is the state of its head revision, version ${head.version}`);
  }

  const snapshots = new Map(receipt.snapshots.map((snapshot) => [snapshot.id, snapshot]));
  for (const snapshot of receipt.snapshots) {
    const where = `snapshot ${snapshot.id} (source ${snapshot.sourceId}, text ${snapshot.number})`;
    if (snapshot.text !== undefined && sha256Hex(snapshot.text) !== snapshot.sha256)
      fail('snapshot', where, `its text hashes to ${sha256Hex(snapshot.text)}, not the sha256 given, ${snapshot.sha256}`);
    const sourceChain = chainOf('Source', snapshot.sourceId);
    const recorded = sourceChain?.revisions
      .filter(isDisclosed)
      .map((revision) => revision.state.textRevision as { id?: string; sha256?: string } | undefined);
    if (!recorded || recorded.length === 0) unchecked.push(`${where}: no disclosed revision of its source records its hash`);
    else if (!recorded.some((text) => text?.id === snapshot.id && text.sha256 === snapshot.sha256))
      fail('snapshot', where, `no revision of source ${snapshot.sourceId} records this snapshot with sha256 ${snapshot.sha256}`);
  }

  let quotes = 0;
  for (const evidence of receipt.evidence) {
    const where = `evidence ${evidence.id}`;
    const [quote, position] = evidence.selector;
    const chain = chainOf('Evidence', evidence.id);
    const head = chain?.revisions.at(-1);
    if (!chain || !head) fail('evidence', where, 'the receipt holds no chain for it');
    else if (head.version !== evidence.version)
      fail('evidence', where, `it is given at version ${evidence.version}, its chain ends at ${head.version}`);
    else if (isDisclosed(head)) {
      const state = head.state;
      const verified = evidence.asVerified ? (state.verifiedQuote as Record<string, unknown> | null | undefined) : undefined;
      const { sourceRevisionId: verifiedOn, ...verifiedSelector } = verified ?? {};
      const logged = (evidence.asVerified ? verifiedSelector : state.selector) as Record<string, unknown> | undefined;
      const pointsAt = evidence.asVerified ? verifiedOn : state.sourceRevisionId;
      const given = { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
      if (evidence.asVerified && !verified)
        fail('evidence', `${where}, version ${head.version}`, 'it is given as verified words, and its head revision keeps none');
      else if (!sameJson(logged, given))
        fail('evidence', `${where}, version ${head.version}`, `its selectors are not the ones its head revision holds`);
      else if (pointsAt !== evidence.snapshot)
        fail(
          'evidence',
          `${where}, version ${head.version}`,
          `it points at snapshot ${evidence.snapshot}, its head revision at ${String(pointsAt)}`,
        );
      else if ((state.claimId ?? state.eventId) !== subject.id)
        fail('evidence', `${where}, version ${head.version}`, `its head revision supports another record`);
      else if (!evidence.asVerified && state.anchorStatus !== evidence.anchorStatus)
        fail('evidence', `${where}, version ${head.version}`, 'its anchor status is not its head revision’s');
    } else unchecked.push(`${where}: its head revision is sealed, so its selectors are not tied to it`);

    const snapshot = snapshots.get(evidence.snapshot);
    if (!snapshot) fail('evidence', where, `its snapshot ${evidence.snapshot} is not in the receipt`);
    else if (snapshot.text === undefined) unchecked.push(`${where}: the snapshot's text is not in the receipt (ask with ?snapshots=1)`);
    else if (evidence.anchorStatus === 'ANCHORED') {
      const text = snapshot.text;
      const at = sliceCodePoints(text, position.start ?? -1, position.end ?? -1);
      if (at !== quote.exact || position.start === undefined)
        fail(
          'quote',
          where,
          `snapshot ${snapshot.id} holds ${JSON.stringify(at)} at ${position.start}–${position.end}, not the quote ${JSON.stringify(quote.exact)}`,
        );
      else {
        const before = sliceCodePoints(text, 0, position.start);
        const after = sliceCodePoints(text, position.end!, position.end! + [...(quote.suffix ?? '')].length);
        if (!before.endsWith(quote.prefix ?? '') || after !== (quote.suffix ?? ''))
          fail('quote', where, `the prefix or suffix does not surround the quote in snapshot ${snapshot.id}`);
        else quotes++;
      }
    } else unchecked.push(`${where}: it is ${evidence.anchorStatus}, so its quote is not expected at its position`);
  }
  if (quotes > 0) verified.push(`${quotes} quotes stand at their positions in snapshots whose hashes are given`);

  for (const step of receipt.reviewSteps) {
    const where = `review step ${step.status} at ${step.at} (version ${step.version})`;
    const revision = subjectChain?.revisions.find((candidate) => candidate.version === step.version);
    if (!revision || revision.operation !== REVIEW) fail('review step', where, 'no REVIEW revision of the record has its version');
    else if (revision.createdAt !== step.at) fail('review step', where, `the revision was written at ${revision.createdAt}`);
    else if (isDisclosed(revision) && revision.state.status !== step.status)
      fail('review step', where, `the revision left the record ${String(revision.state.status)}`);
    else if (isDisclosed(revision) && step.comment !== undefined && revision.reason !== step.comment)
      fail('review step', where, 'its comment is not the revision’s reason');
  }
  if (receipt.reviewSteps.length > 0) verified.push(`${receipt.reviewSteps.length} review steps are revisions of the record`);

  const checkpoint = receipt.checkpoint;
  if (!checkpoint) {
    fail('coverage', 'the receipt', 'no signed checkpoint covers the log yet: nothing in it is signed');
    return done();
  }
  const body = { ...checkpoint, createdAt: new Date(checkpoint.createdAt) };
  const checkpointName = `checkpoint at log position ${checkpoint.logPosition}`;
  let signed = false;
  try {
    signed = checkpointSignatureValid(body, checkpoint.signature, publicKey);
  } catch (error) {
    fail('signature', checkpointName, `the signature cannot be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (signed)
    verified.push(
      `the ${checkpointName} (${checkpoint.treeSize} chains, root ${checkpoint.rootHash}) is signed by key ${checkpoint.keyId}`,
    );
  else if (!failures.some((failure) => failure.check === 'signature'))
    fail('signature', checkpointName, 'the signature does not verify with this public key over the checkpoint as given');

  const root = Buffer.from(checkpoint.rootHash, 'hex');
  let included = 0;
  for (const chain of receipt.chains) {
    const head = chain.revisions.at(-1);
    if (!chain.inclusion) {
      fail(
        'coverage',
        chainName(chain),
        `no signed checkpoint covers its chain yet (its head is version ${head?.version}); ask again after the next checkpoint`,
      );
      continue;
    }
    const leaf = chain.revisions.find((revision) => revision.version === chain.inclusion!.version);
    if (!leaf) {
      fail('inclusion proof', chainName(chain), `the proof is for version ${chain.inclusion.version}, which the chain lacks`);
      continue;
    }
    if (leaf !== head)
      fail('coverage', chainName(chain), `the checkpoint covers it to version ${leaf.version}, but its head is version ${head?.version}`);
    const leafHash = chainHeadHash({ recordType: chain.recordType, recordId: chain.recordId, version: leaf.version, hash: leaf.hash });
    const path = chain.inclusion.path.map((hash) => Buffer.from(hash, 'hex'));
    if (!verifyInclusion(leafHash, chain.inclusion.leafIndex, checkpoint.treeSize, path, root))
      fail(
        'inclusion proof',
        `${chainName(chain)}, version ${leaf.version}`,
        `its head (leaf ${chain.inclusion.leafIndex}) does not lead to the checkpoint's root ${checkpoint.rootHash} by the path given`,
      );
    else included++;
  }
  if (included > 0) verified.push(`${included} chain heads are leaves of the signed tree (RFC 6962 inclusion proofs)`);
  return done();
}

/** Checks one chain's links, hashes and replay; answers how many of its revisions are sealed. */
function verifyChain(chain: ReceiptChain, fail: (check: ReceiptCheck, where: string, problem: string) => void): number {
  let sealed = 0;
  let previous: ReceiptRevision | null = null;
  const changeLog: Array<Record<string, { before: unknown; after: unknown }>> = [];
  let replayable = true;
  for (const revision of chain.revisions) {
    const where = `${chainName(chain)}, version ${revision.version}`;
    const expectedVersion = previous ? previous.version + 1 : 1;
    if (revision.version !== expectedVersion) fail('revision chain', where, `expected version ${expectedVersion}`);
    else if (revision.prevHash !== (previous?.hash ?? null))
      fail('revision chain', where, `its previous hash ${revision.prevHash} is not version ${previous?.version}'s hash ${previous?.hash}`);
    if (!isDisclosed(revision)) {
      sealed++;
      replayable = false;
    } else {
      const recomputed = revisionHash({
        recordType: chain.recordType,
        recordId: chain.recordId,
        version: revision.version,
        operation: revision.operation,
        changes: revision.changes,
        state: revision.state,
        reason: revision.reason,
        actor: revision.actor,
        actorUserId: revision.actorUserId,
        requestId: revision.requestId,
        createdAt: new Date(revision.createdAt),
        prevHash: revision.prevHash,
      });
      if (new Date(revision.createdAt).toISOString() !== revision.createdAt)
        fail('revision hash', where, `its time ${JSON.stringify(revision.createdAt)} is not an ISO 8601 instant as the log writes it`);
      else if (recomputed !== revision.hash) fail('revision hash', where, `its content hashes to ${recomputed}, not ${revision.hash}`);
      changeLog.push(revision.changes);
      if (replayable && !sameJson(replayChanges(changeLog), revision.state))
        fail('replay', where, 'replaying the changes up to it does not give the state it holds');
    }
    previous = revision;
  }
  return sealed;
}

/** The verification in lines a person reads: what failed and where, or what held and what was not checked. */
export function describeVerification(verification: ReceiptVerification): string {
  const lines = verification.ok
    ? ['The receipt verifies.', ...verification.verified.map((line) => `  ok: ${line}`)]
    : [
        `The receipt does not verify: ${verification.failures.length} problem${verification.failures.length === 1 ? '' : 's'}.`,
        ...verification.failures.map((failure) => `  FAILED ${failure.check}: ${failure.where}: ${failure.problem}`),
      ];
  return [...lines, ...verification.unchecked.map((line) => `  not checked: ${line}`)].join('\n');
}
