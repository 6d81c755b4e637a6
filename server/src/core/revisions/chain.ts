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

export function revisionHash(revision: HashedRevision): string {
  return sha256Hex(
    canonicalJson({
      recordType: revision.recordType,
      recordId: revision.recordId,
      version: revision.version,
      operation: revision.operation,
      changes: revision.changes,
      state: revision.state,
      reason: revision.reason,
      actor: revision.actor,
      actorUserId: revision.actorUserId,
      requestId: revision.requestId,
      createdAt: revision.createdAt.toISOString(),
      prevHash: revision.prevHash,
    }),
  );
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
    if (revision.prevHash !== (previous?.hash ?? null)) return { version: revision.version, problem: 'prev_hash does not match the previous revision' };
    if (revisionHash(revision) !== revision.hash) return { version: revision.version, problem: 'hash does not match its content' };
    previous = revision;
  }
  return null;
}
