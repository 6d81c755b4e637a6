import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

import { canonicalJson } from '../revisions/canonical-json.js';
import { leafHash } from './merkle.js';

/** One record's chain as a checkpoint covers it: its latest revision at the checkpoint's log position. */
export interface ChainHead {
  recordType: string;
  recordId: string;
  version: number;
  hash: string;
}

/**
 * A chain head's leaf: the canonical JSON array `[recordType, recordId, version, hash]`. Leaves are sorted by
 * record type, then record id, both as bytes (PostgreSQL's "C" collation), so anyone can rebuild the same tree.
 */
export function chainHeadLeaf(head: ChainHead): string {
  return canonicalJson([head.recordType, head.recordId, head.version, head.hash]);
}

export const chainHeadHash = (head: ChainHead): Buffer => leafHash(Buffer.from(chainHeadLeaf(head), 'utf8'));

/** What a checkpoint signs. */
export interface CheckpointBody {
  /** The highest revision id covered: the tree holds every chain's head among revisions up to it. */
  logPosition: string;
  treeSize: number;
  rootHash: string;
  createdAt: Date;
  keyId: string;
}

export const CHECKPOINT_FORMAT = 'provenance-store checkpoint v1';

/** The signed text, one field a line, in the spirit of a transparency log's signed note. */
export function checkpointText(body: CheckpointBody): string {
  return [
    CHECKPOINT_FORMAT,
    `position ${body.logPosition}`,
    `size ${body.treeSize}`,
    `root ${body.rootHash}`,
    `time ${body.createdAt.toISOString()}`,
    `key ${body.keyId}`,
    '',
  ].join('\n');
}

/** A key's id: the hex SHA-256 of its public key's SubjectPublicKeyInfo (DER), as Rekor names its log's key. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): string {
  return sign(null, Buffer.from(checkpointText(body), 'utf8'), privateKey).toString('base64');
}

export function checkpointSignatureValid(body: CheckpointBody, signature: string, publicKey: KeyObject): boolean {
  if (body.keyId !== keyIdOf(publicKey)) return false;
  return verify(null, Buffer.from(checkpointText(body), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
}
