import type { KeyObject } from 'node:crypto';

import type { DataSource } from 'typeorm';

import {
  type ChainHead,
  chainHeadHash,
  type CheckpointBody,
  checkpointSignatureValid,
  keyIdOf,
  signCheckpoint,
} from '../../core/checkpoints/checkpoint.js';
import { inclusionProof, merkleRoot } from '../../core/checkpoints/merkle.js';
import type { SigningKey } from '../../core/checkpoints/signing-key.js';
import { NotFoundError } from '../../core/errors.js';
import type { RecordType } from '../../core/revisions/revisions.enums.js';
import { requireId } from '../../core/validation.js';
import { streamChainHeads, treesAt } from './checkpoint-tree.js';

export interface StoredCheckpoint extends CheckpointBody {
  id: string;
  signature: string;
}

const COLUMNS = `id::text, log_position::text AS "logPosition", tree_size::int AS "treeSize", root_hash AS "rootHash", created_at AS "createdAt", key_id AS "keyId", signature`;

export interface CheckpointProblem {
  /** The log position of the checkpoint found wrong. */
  logPosition: string;
  problem: string;
}

export interface InclusionProof {
  logPosition: string;
  treeSize: number;
  rootHash: string;
  leafIndex: number;
  head: ChainHead;
  /** Hex hashes from the leaf up, as RFC 6962's PATH gives them. */
  path: string[];
}

/** How many stored checkpoints a verification recomputes by default: the tree is one pass per call, not per checkpoint. */
export const RECENT_CHECKPOINTS = 3;

export class CheckpointsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: SigningKey,
  ) {}

  get publicKey(): KeyObject {
    return this.key.publicKey;
  }

  get keyId(): string {
    return keyIdOf(this.key.publicKey);
  }

  /** Signs the tree of every chain head as of the settled end of the log, and stores it. */
  async create(): Promise<StoredCheckpoint> {
    return this.createAt(await this.settledPosition());
  }

  /** A periodic checkpoint: none when the latest one already covers the settled end of the log. */
  async createIfMoved(): Promise<StoredCheckpoint | null> {
    const position = await this.settledPosition();
    return (await this.latest())?.logPosition === position ? null : this.createAt(position);
  }

  private async settledPosition(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT settled_log_position()::text AS position`)) as Array<{ position: string }>;
    return row!.position;
  }

  private async createAt(position: string): Promise<StoredCheckpoint> {
    const [tree] = await treesAt(this.dataSource, [position]);
    const body: CheckpointBody = {
      logPosition: position,
      treeSize: tree!.treeSize,
      rootHash: tree!.rootHash,
      createdAt: new Date(),
      keyId: this.keyId,
    };
    const signature = signCheckpoint(body, this.key.privateKey);
    const [row] = (await this.dataSource.query(
      `INSERT INTO checkpoints (log_position, tree_size, root_hash, created_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
      [body.logPosition, body.treeSize, body.rootHash, body.createdAt, body.keyId, signature],
    )) as Array<{ id: string }>;
    return { id: row!.id, ...body, signature };
  }

  async list(): Promise<StoredCheckpoint[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM checkpoints ORDER BY id`)) as StoredCheckpoint[];
  }

  async recent(limit: number): Promise<StoredCheckpoint[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM checkpoints ORDER BY id DESC LIMIT $1`, [limit])) as StoredCheckpoint[];
  }

  async latest(): Promise<StoredCheckpoint | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM checkpoints ORDER BY id DESC LIMIT 1`)) as StoredCheckpoint[];
    return row ?? null;
  }

  /**
   * That one record's chain head is in a checkpoint's tree: its leaf, its index and the path to the signed root.
   * The leaves are gathered in one pass; the proof is RFC 6962's, so any CT verifier can check it.
   */
  async inclusionProof(
    checkpoint: Pick<StoredCheckpoint, 'logPosition' | 'treeSize' | 'rootHash'>,
    recordType: RecordType,
    recordId: string,
  ): Promise<InclusionProof> {
    const id = requireId(recordId, 'recordId');
    const leaves: Buffer[] = [];
    let found: { index: number; head: ChainHead } | null = null;
    await streamChainHeads(this.dataSource, [checkpoint.logPosition], ({ heads: [head] }) => {
      if (!head) return;
      if (head.recordType === recordType && head.recordId === id) found = { index: leaves.length, head };
      leaves.push(chainHeadHash(head));
    });
    const located = found as { index: number; head: ChainHead } | null;
    if (!located) throw new NotFoundError(recordType, id);
    const root = merkleRoot(leaves).toString('hex');
    if (root !== checkpoint.rootHash || leaves.length !== checkpoint.treeSize)
      throw new Error(`the log no longer gives the tree of the checkpoint at position ${checkpoint.logPosition}`);
    return {
      logPosition: checkpoint.logPosition,
      treeSize: leaves.length,
      rootHash: root,
      leafIndex: located.index,
      head: located.head,
      path: inclusionProof(leaves, located.index).map((hash) => hash.toString('hex')),
    };
  }

  /**
   * The inclusion proofs of several records' chain heads in one checkpoint's tree, from one pass over the log; a
   * record whose chain began after the checkpoint has none. Each pass streams the whole tree (seconds on a large
   * log, see docs/reliability.md), so callers ask for all the records they need at once.
   */
  async inclusionProofsOf(
    checkpoint: Pick<StoredCheckpoint, 'logPosition' | 'treeSize' | 'rootHash'>,
    records: ReadonlyArray<{ recordType: string; recordId: string }>,
  ): Promise<Map<string, InclusionProof>> {
    const wanted = new Set(records.map(({ recordType, recordId }) => `${recordType}/${recordId}`));
    const leaves: Buffer[] = [];
    const located: Array<{ index: number; head: ChainHead }> = [];
    await streamChainHeads(this.dataSource, [checkpoint.logPosition], ({ heads: [head] }) => {
      if (!head) return;
      if (wanted.has(`${head.recordType}/${head.recordId}`)) located.push({ index: leaves.length, head });
      leaves.push(chainHeadHash(head));
    });
    const root = merkleRoot(leaves).toString('hex');
    if (root !== checkpoint.rootHash || leaves.length !== checkpoint.treeSize)
      throw new Error(`the log no longer gives the tree of the checkpoint at position ${checkpoint.logPosition}`);
    return new Map(
      located.map(({ index, head }) => [
        `${head.recordType}/${head.recordId}`,
        {
          logPosition: checkpoint.logPosition,
          treeSize: leaves.length,
          rootHash: root,
          leafIndex: index,
          head,
          path: inclusionProof(leaves, index).map((hash) => hash.toString('hex')),
        },
      ]),
    );
  }

  /** A record's chain head as the latest checkpoint covers it: what a record's chain status shows, with no tree walk. */
  async coverageOf(recordType: RecordType, recordId: string): Promise<{ checkpoint: StoredCheckpoint; head: ChainHead | null } | null> {
    const checkpoint = await this.latest();
    if (!checkpoint) return null;
    const [row] = (await this.dataSource.query(
      `SELECT version, hash FROM revisions WHERE record_type = $1 AND record_id = $2 AND id <= $3 ORDER BY version DESC LIMIT 1`,
      [recordType, requireId(recordId, 'recordId'), checkpoint.logPosition],
    )) as Array<{ version: number; hash: string }>;
    return { checkpoint, head: row ? { recordType, recordId, version: row.version, hash: row.hash } : null };
  }

  /**
   * Checks checkpoints against the public key and the log: every stored one's signature, and that positions and
   * tree sizes never go back; then, for the given ones and the latest `recent` stored, that the log as it is
   * now gives the very tree each signed (so nothing it covered was removed or rewritten), and that from each to
   * the next every chain head is unchanged or extended, never replaced by another or gone.
   */
  async verify(
    publicKey: KeyObject,
    given: StoredCheckpoint[] = [],
    recent = RECENT_CHECKPOINTS,
  ): Promise<{ checked: number; recomputed: number; problems: CheckpointProblem[] }> {
    const problems: CheckpointProblem[] = [];
    const stored = await this.list();
    let previous: StoredCheckpoint | null = null;
    for (const checkpoint of stored) {
      if (!checkpointSignatureValid(checkpoint, checkpoint.signature, publicKey))
        problems.push({
          logPosition: checkpoint.logPosition,
          problem: `stored checkpoint ${checkpoint.id}: the signature does not verify with this public key`,
        });
      if (previous && (BigInt(checkpoint.logPosition) < BigInt(previous.logPosition) || checkpoint.treeSize < previous.treeSize)) {
        problems.push({
          logPosition: checkpoint.logPosition,
          problem: `stored checkpoint ${checkpoint.id} goes back from checkpoint ${previous.id} (position or tree size)`,
        });
      }
      previous = checkpoint;
    }
    for (const checkpoint of given) {
      if (!checkpointSignatureValid(checkpoint, checkpoint.signature, publicKey))
        problems.push({
          logPosition: checkpoint.logPosition,
          problem: "the given checkpoint's signature does not verify with this public key",
        });
      if (
        !stored.some(
          (s) => s.logPosition === checkpoint.logPosition && s.rootHash === checkpoint.rootHash && s.signature === checkpoint.signature,
        )
      ) {
        problems.push({ logPosition: checkpoint.logPosition, problem: 'the checkpoints table no longer holds the given checkpoint' });
      }
    }
    const distinct = new Map(
      [...given, ...stored.slice(-recent)].map((checkpoint) => [
        `${checkpoint.logPosition}/${checkpoint.treeSize}/${checkpoint.rootHash}`,
        checkpoint,
      ]),
    );
    const toRecompute = [...distinct.values()].sort((a, b) => Number(BigInt(a.logPosition) - BigInt(b.logPosition)));
    const positions = [...new Set(toRecompute.map((checkpoint) => checkpoint.logPosition))];
    if (positions.length === 0) return { checked: stored.length, recomputed: 0, problems };
    let inconsistent = 0;
    const trees = await treesAt(this.dataSource, positions, ({ recordType, recordId, heads }) => {
      for (let i = 1; i < heads.length; i++) {
        const [earlier, later] = [heads[i - 1], heads[i]];
        if (
          earlier &&
          (!later || later.version < earlier.version || (later.version === earlier.version && later.hash !== earlier.hash)) &&
          inconsistent++ < 10
        ) {
          problems.push({
            logPosition: positions[i]!,
            problem: `${recordType} ${recordId}: its chain at this position does not extend its head at position ${positions[i - 1]}`,
          });
        }
      }
    });
    for (const checkpoint of toRecompute) {
      const tree = trees[positions.indexOf(checkpoint.logPosition)]!;
      if (tree.rootHash !== checkpoint.rootHash || tree.treeSize !== checkpoint.treeSize) {
        problems.push({
          logPosition: checkpoint.logPosition,
          problem: `the log now gives ${tree.treeSize} chains with root ${tree.rootHash} where the checkpoint signed ${checkpoint.treeSize} with root ${checkpoint.rootHash}: something it covered was removed or rewritten`,
        });
      }
    }
    return { checked: stored.length, recomputed: positions.length, problems };
  }
}
