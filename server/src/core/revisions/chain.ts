import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { FieldChange } from './revision.entity.js';

/** The fields of a revision that its hash covers: everything but its position in the global log. */
export interface HashedRevision {
  recordType: string;
  recordId: string;
  version: number;
  operation: string;
  changes: Record<string, FieldChange>;
  state: Record<string, unknown>;
  reason: string | null;
  actor: string;
  actorUserId: string | null;
  requestId: string | null;
  createdAt: Date;
  prevHash: string | null;
}

/** The hashed fields, sorted once as canonicalJson sorts keys, so each document is built without sorting. */
const HASHED_FIELDS = (
  [
    'recordType',
    'recordId',
    'version',
    'operation',
    'changes',
    'state',
    'reason',
    'actor',
    'actorUserId',
    'requestId',
    'createdAt',
    'prevHash',
  ] satisfies Array<keyof HashedRevision>
).sort();

/** Changes and state already written as canonical JSON, by a writer that needs that text anyway (the bulk loader). */
export interface SerializedParts {
  changes: string;
  state: string;
}

/** What a revision's hash covers: the canonical JSON of its hashed fields. */
export function revisionDocument(revision: HashedRevision, serialized?: SerializedParts): string {
  let out = '';
  for (const field of HASHED_FIELDS) {
    const given = serialized && (field === 'changes' || field === 'state') ? serialized[field] : undefined;
    const json = given ?? canonicalJson(field === 'createdAt' ? revision.createdAt.toISOString() : revision[field]);
    if (json !== undefined) out += `${out === '' ? '' : ','}"${field}":${json}`;
  }
  return `{${out}}`;
}

export function revisionHash(revision: HashedRevision, serialized?: SerializedParts): string {
  return sha256Hex(revisionDocument(revision, serialized));
}

export interface ChainBreak {
  version: number;
  problem: string;
}

/** Checks one record's revisions, in version order: consecutive versions, each linked to and hashing as stored. */
export function verifyRecordChain(revisions: Array<HashedRevision & { hash: string }>): ChainBreak | null {
  let previous: (HashedRevision & { hash: string }) | null = null;
  for (const revision of revisions) {
    const expectedVersion = previous ? previous.version + 1 : 1;
    if (revision.version !== expectedVersion) return { version: revision.version, problem: `expected version ${expectedVersion}` };
    if (revision.prevHash !== (previous?.hash ?? null))
      return { version: revision.version, problem: 'prev_hash does not match the previous revision' };
    if (revisionHash(revision) !== revision.hash) return { version: revision.version, problem: 'hash does not match its content' };
    previous = revision;
  }
  return null;
}
