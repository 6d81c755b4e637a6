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
import { MerkleTree } from '../../core/checkpoints/merkle.js';
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

/**
 * How many checkpoints' trees a process keeps for inclusion proofs: the latest, and the one before it for the
 * receipts begun just before a new checkpoint. Each holds 64 bytes a chain head and its key (tens of MB at a million).
 */
export const TREES_KEPT = 2;

type Checkpointed = Pick<StoredCheckpoint, 'logPosition' | 'treeSize' | 'rootHash'>;

interface KeptTree {
  tree: MerkleTree;
  /** Leaf index of each chain head, by `recordType/recordId`. */
  leafIndex: Map<string, number>;
}

const headKey = (recordType: string, recordId: string) => `${recordType}/${recordId}`;

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
   * The proof is RFC 6962's, so any CT verifier can check it.
   */
  async inclusionProof(checkpoint: Checkpointed, recordType: RecordType, recordId: string): Promise<InclusionProof> {
    const id = requireId(recordId, 'recordId');
    const proof = (await this.inclusionProofsOf(checkpoint, [{ recordType, recordId: id }])).get(headKey(recordType, id));
    if (!proof) throw new NotFoundError(recordType, id);
    return proof;
  }

  /**
   * The inclusion proofs of several records' chain heads in one checkpoint's tree; a record whose chain began
   * after the checkpoint has none. The tree is read from the log once per checkpoint and process (a pass over every
   * chain head: seconds on a large log, see docs/reliability.md) and kept; after that a proof costs one indexed
   * read of the records' heads and O(log² n) hashes.
   */
  async inclusionProofsOf(
    checkpoint: Checkpointed,
    records: ReadonlyArray<{ recordType: string; recordId: string }>,
  ): Promise<Map<string, InclusionProof>> {
    const proofs = new Map<string, InclusionProof>();
    if (records.length === 0) return proofs;
    const { tree, leafIndex } = await this.treeOf(checkpoint);
    const heads = (await this.dataSource.query(
      `SELECT DISTINCT ON (r.record_type, r.record_id) r.record_type AS "recordType", r.record_id::text AS "recordId", r.version, r.hash
         FROM revisions r JOIN unnest($1::varchar[], $2::uuid[]) AS wanted(record_type, record_id)
           ON r.record_type = wanted.record_type AND r.record_id = wanted.record_id
        WHERE r.id <= $3
        ORDER BY r.record_type, r.record_id, r.version DESC`,
      [records.map((record) => record.recordType), records.map((record) => requireId(record.recordId, 'recordId')), checkpoint.logPosition],
    )) as ChainHead[];
    for (const head of heads) {
      const index = leafIndex.get(headKey(head.recordType, head.recordId));
      // The kept tree is the signed one; a head that no longer hashes to its leaf means the log under the checkpoint changed.
      if (index === undefined || !tree.leaf(index).equals(chainHeadHash(head)))
        throw new Error(`the log no longer gives the tree of the checkpoint at position ${checkpoint.logPosition}`);
      proofs.set(headKey(head.recordType, head.recordId), {
        logPosition: checkpoint.logPosition,
        treeSize: tree.size,
        rootHash: checkpoint.rootHash,
        leafIndex: index,
        head,
        path: tree.inclusionProof(index).map((hash) => hash.toString('hex')),
      });
    }
    return proofs;
  }

  private readonly trees = new Map<string, Promise<KeptTree>>();

  /** A checkpoint's tree, read once however many receipts ask for it at the same moment, and only if the log still gives it. */
  private treeOf(checkpoint: Checkpointed): Promise<KeptTree> {
    const key = `${checkpoint.logPosition}/${checkpoint.treeSize}/${checkpoint.rootHash}`;
    const kept = this.trees.get(key);
    if (kept) return kept;
    const reading = this.readTree(checkpoint);
    this.trees.set(key, reading);
    reading.catch(() => this.trees.get(key) === reading && this.trees.delete(key));
    while (this.trees.size > TREES_KEPT) this.trees.delete(this.trees.keys().next().value!);
    return reading;
  }

  private async readTree(checkpoint: Checkpointed): Promise<KeptTree> {
    const leaves: Buffer[] = [];
    const leafIndex = new Map<string, number>();
    await streamChainHeads(this.dataSource, [checkpoint.logPosition], ({ heads: [head] }) => {
      if (!head) return;
      leafIndex.set(headKey(head.recordType, head.recordId), leaves.length);
      leaves.push(chainHeadHash(head));
    });
    const tree = new MerkleTree(leaves);
    if (tree.root().toString('hex') !== checkpoint.rootHash || tree.size !== checkpoint.treeSize)
      throw new Error(`the log no longer gives the tree of the checkpoint at position ${checkpoint.logPosition}`);
    return { tree, leafIndex };
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
