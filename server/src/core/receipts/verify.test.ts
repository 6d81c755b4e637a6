import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { RECEIPT_TAMPERS } from '../../../test/support/receipt-tampers.js';
import { chainHeadHash, keyIdOf, signCheckpoint } from '../checkpoints/checkpoint.js';
import { inclusionProof, leafHash, merkleRoot } from '../checkpoints/merkle.js';
import { sha256Hex } from '../revisions/canonical-json.js';
import { revisionHash } from '../revisions/chain.js';
import { diffStates } from '../revisions/diff.js';
import { type Receipt, RECEIPT_FORMAT, type ReceiptChain, type ReceiptRevision } from './receipt.js';
import { describeVerification, verifyReceipt } from './verify.js';

const key = generateKeyPairSync('ed25519');
const TEXT = 'Moscow — The minister said on Tuesday that “the partnership is long-standing and reliable”, an aide added.';
const QUOTE = 'the partnership is long-standing and reliable';
const CLAIM = '00000000-0000-4000-8000-00000000c1a1';
const EVIDENCE = '00000000-0000-4000-8000-0000000000e1';
const SOURCE = '00000000-0000-4000-8000-00000000005e';
const SNAPSHOT = '00000000-0000-4000-8000-000000000051';

/** A chain written as the record writer writes one: each state diffed from the one before, hashed, linked. */
function chainOf(
  recordType: string,
  recordId: string,
  writes: Array<{ operation: string; state: Record<string, unknown>; reason?: string }>,
): ReceiptChain {
  const revisions: ReceiptRevision[] = [];
  let before: Record<string, unknown> | null = null;
  writes.forEach(({ operation, state, reason = null }, i) => {
    const createdAt = new Date(Date.UTC(2026, 11, 1 + i, 9));
    const written = {
      recordType,
      recordId,
      version: i + 1,
      operation,
      changes: diffStates(before, state),
      state,
      reason,
      actor: i === 0 ? 'user:0000' : 'seed-review:test',
      actorUserId: null,
      requestId: null,
      createdAt,
      prevHash: revisions.at(-1)?.hash ?? null,
    };
    revisions.push({ ...written, logId: String(10 + i), createdAt: createdAt.toISOString(), hash: revisionHash(written) });
    before = state;
  });
  return { recordType, recordId, revisions, inclusion: null };
}

function signedReceipt(): Receipt {
  const start = TEXT.indexOf(QUOTE);
  const selector = {
    exact: QUOTE,
    prefix: TEXT.slice(start - 12, start),
    suffix: TEXT.slice(start + QUOTE.length, start + QUOTE.length + 8),
    start,
    end: start + QUOTE.length,
  };
  const draft = { text: 'The partnership with Myanmar is reliable', credibility: 2, status: 'IN_REVIEW' };
  const chains = [
    chainOf('Claim', CLAIM, [
      { operation: 'CREATE', state: draft, reason: 'From the article' },
      { operation: 'REVIEW', state: { ...draft, status: 'VERIFIED' }, reason: 'Read beside the article' },
    ]),
    chainOf('Evidence', EVIDENCE, [
      { operation: 'CREATE', state: { claimId: CLAIM, eventId: null, sourceRevisionId: SNAPSHOT, anchorStatus: 'ANCHORED', selector } },
    ]),
    chainOf('Source', SOURCE, [
      { operation: 'CREATE', state: { title: 'An article', textRevision: { id: SNAPSHOT, number: 1, sha256: sha256Hex(TEXT) } } },
    ]),
  ];
  const heads = chains.map((chain) => {
    const head = chain.revisions.at(-1)!;
    return chainHeadHash({ recordType: chain.recordType, recordId: chain.recordId, version: head.version, hash: head.hash });
  });
  const leaves = [leafHash('another record'), ...heads, leafHash('and another')];
  const body = {
    logPosition: '12',
    treeSize: leaves.length,
    rootHash: merkleRoot(leaves).toString('hex'),
    createdAt: new Date(),
    keyId: keyIdOf(key.publicKey),
  };
  chains.forEach((chain, i) => {
    chain.inclusion = {
      version: chain.revisions.at(-1)!.version,
      leafIndex: i + 1,
      path: inclusionProof(leaves, i + 1).map((hash) => hash.toString('hex')),
    };
  });
  const claimHead = chains[0]!.revisions[1]!;
  return {
    '@context': {},
    '@id': `https://example.org/receipts/claims/${CLAIM}`,
    '@type': 'ProvenanceReceipt',
    format: RECEIPT_FORMAT,
    issuedAt: new Date().toISOString(),
    disclosure: 'complete',
    subject: { '@id': `https://example.org/id/claim/${CLAIM}`, recordType: 'Claim', id: CLAIM, version: 2, state: claimHead.state! },
    evidence: [
      {
        '@id': `https://example.org/id/evidence/${EVIDENCE}`,
        id: EVIDENCE,
        version: 1,
        anchorStatus: 'ANCHORED',
        snapshot: SNAPSHOT,
        selector: [
          { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix },
          { type: 'TextPositionSelector', start: selector.start, end: selector.end },
        ],
      },
    ],
    snapshots: [
      {
        '@id': `https://example.org/id/source-revision/${SNAPSHOT}`,
        id: SNAPSHOT,
        sourceId: SOURCE,
        number: 1,
        sha256: sha256Hex(TEXT),
        text: TEXT,
      },
    ],
    reviewSteps: [{ version: 2, status: 'VERIFIED', at: claimHead.createdAt }],
    chains,
    checkpoint: { ...body, createdAt: body.createdAt.toISOString(), signature: signCheckpoint(body, key.privateKey) },
    publicKey: 'https://example.org/exports/checkpoints/public-key',
  };
}

describe('verifyReceipt', () => {
  it('accepts a whole receipt and says what held', () => {
    const verification = verifyReceipt(signedReceipt(), key.publicKey);
    expect(verification.failures).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.unchecked).toEqual([]);
    expect(describeVerification(verification)).toMatch(
      /^The receipt verifies\.\n {2}ok: 4 of 4 revisions in 3 chains hash as given and chain/,
    );
  });

  it.each(RECEIPT_TAMPERS.map((tamper) => [tamper.name, tamper] as const))('catches %s and names it', (_name, { check, tamper }) => {
    const receipt = signedReceipt();
    tamper(receipt);
    const verification = verifyReceipt(receipt, key.publicKey);
    expect(verification.ok).toBe(false);
    expect(verification.failures.map((failure) => failure.check)).toContain(check);
    expect(describeVerification(verification)).toContain(`FAILED ${check}: `);
  });

  it('names the chain and version where a link breaks', () => {
    const receipt = signedReceipt();
    receipt.chains[0]!.revisions[1]!.prevHash = '0'.repeat(64);
    const failures = verifyReceipt(receipt, key.publicKey).failures;
    expect(failures).toContainEqual(expect.objectContaining({ check: 'revision chain', where: `Claim ${CLAIM}, version 2` }));
  });

  it('refuses a receipt checked with another key, one whose record is not its head, and one no checkpoint covers', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyReceipt(signedReceipt(), other).failures.map((failure) => failure.check)).toEqual(['signature']);

    const edited = signedReceipt();
    edited.subject.state = { ...edited.subject.state, text: 'The partnership is over' };
    expect(verifyReceipt(edited, key.publicKey).failures.map((failure) => failure.check)).toEqual(['record as published']);

    const uncovered = signedReceipt();
    uncovered.chains[1]!.inclusion = null;
    expect(verifyReceipt(uncovered, key.publicKey).failures).toEqual([
      expect.objectContaining({ check: 'coverage', where: `Evidence ${EVIDENCE}` }),
    ]);
    const unsigned = signedReceipt();
    unsigned.checkpoint = null;
    expect(verifyReceipt(unsigned, key.publicKey).failures.map((failure) => failure.check)).toEqual(['coverage']);
  });

  it('checks the links of sealed revisions and says what it could not check', () => {
    const receipt = signedReceipt();
    receipt.disclosure = 'public';
    const [created, reviewed] = receipt.chains[0]!.revisions;
    for (const revision of [created!, reviewed!]) {
      for (const field of ['actor', 'actorUserId', 'changes', 'state', 'reason', 'requestId'] as const) delete revision[field];
      revision.sealed = true;
    }
    const verification = verifyReceipt(receipt, key.publicKey);
    expect(verification.failures).toEqual([]);
    expect(verification.unchecked.join('\n')).toMatch(/2 revisions are sealed[\s\S]*its head revision is sealed/);
    reviewed!.prevHash = '0'.repeat(64);
    expect(verifyReceipt(receipt, key.publicKey).failures.map((failure) => failure.check)).toEqual(['revision chain']);
  });

  it('refuses what is not a receipt, or a receipt with parts missing', () => {
    const cut = signedReceipt() as Partial<Receipt>;
    delete cut.chains;
    expect(verifyReceipt(cut as Receipt, key.publicKey).failures).toEqual([
      { check: 'format', where: 'the receipt', problem: 'it lacks chains' },
    ]);
    expect(
      verifyReceipt({ format: 'something else' } as unknown as Receipt, key.publicKey).failures.map((failure) => failure.check),
    ).toEqual(['format']);
  });
});
