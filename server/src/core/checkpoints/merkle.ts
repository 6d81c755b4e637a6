import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency; RFC 9162 §2.1): a leaf hashes as SHA-256(0x00 || leaf),
 * a node as SHA-256(0x01 || left || right), and n leaves split at the largest power of two below n. Pure: no
 * database, so a verifier outside the server can run the same code.
 */

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export function leafHash(leaf: Buffer | string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the empty tree: the hash of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

/**
 * Builds a root from leaf hashes given one at a time, keeping only the roots of the perfect subtrees so far
 * (one per set bit of the count): a tree over a million chain heads streams through in a few kilobytes.
 */
export class MerkleBuilder {
  private readonly stack: Array<{ hash: Buffer; size: number }> = [];
  size = 0;

  add(hash: Buffer): void {
    let node = { hash, size: 1 };
    while (this.stack.length > 0 && this.stack.at(-1)!.size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.size++;
  }

  /** The perfect subtrees, largest first, are exactly RFC 6962's splits: folding them from the right gives its root. */
  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash;
  }
}

export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  const builder = new MerkleBuilder();
  for (const hash of leafHashes) builder.add(hash);
  return builder.root();
}

const splitPoint = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

/** RFC 6962 §2.1.1 PATH(m, D[n]): the hashes that take leaf `index` to the root of the tree over `leafHashes`. */
export function inclusionProof(leafHashes: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length)
    throw new RangeError(`leaf ${index} is not in a tree of ${leafHashes.length}`);
  const path = (from: number, to: number, m: number): Buffer[] => {
    const n = to - from;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(from, from + k, m), merkleRoot(leafHashes.slice(from + k, to))]
      : [...path(from + k, to, m - k), merkleRoot(leafHashes.slice(from, from + k))];
  };
  return path(0, leafHashes.length, index);
}

/** RFC 9162 §2.1.3.2: whether `proof` takes the leaf hash at `index` of a tree of `size` leaves to `root`. */
export function verifyInclusion(leaf: Buffer, index: number, size: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

const HASH_BYTES = 32;

/**
 * A tree kept whole, level by level (the hash of every aligned perfect subtree, 2n hashes in all), so that its
 * root and any inclusion proof cost O(log n) hashes rather than a pass over every leaf: RFC 6962 splits a range at
 * a power of two, so every range it hashes is a run of aligned perfect subtrees, one per set bit of its size.
 */
export class MerkleTree {
  private readonly levels: Buffer[];

  constructor(leafHashes: readonly Buffer[]) {
    this.size = leafHashes.length;
    this.levels = [Buffer.concat(leafHashes as Buffer[], this.size * HASH_BYTES)];
    for (let count = Math.floor(this.size / 2); count > 0; count = Math.floor(count / 2)) {
      const below = this.levels.at(-1)!;
      const level = Buffer.allocUnsafe(count * HASH_BYTES);
      for (let i = 0; i < count; i++) nodeHash(this.at(below, 2 * i), this.at(below, 2 * i + 1)).copy(level, i * HASH_BYTES);
      this.levels.push(level);
    }
  }

  readonly size: number;

  private at(level: Buffer, i: number): Buffer {
    return level.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }

  leaf(index: number): Buffer {
    return this.at(this.levels[0]!, index);
  }

  /** MTH of leaves [from, to), where `from` is a multiple of the largest power of two not above to − from. */
  private rangeRoot(from: number, to: number): Buffer {
    if (from === to) return EMPTY_ROOT;
    const blocks: Buffer[] = [];
    for (let start = from; start < to;) {
      const height = Math.floor(Math.log2(to - start));
      blocks.push(this.at(this.levels[height]!, start / 2 ** height));
      start += 2 ** height;
    }
    let hash = blocks.at(-1)!;
    for (let i = blocks.length - 2; i >= 0; i--) hash = nodeHash(blocks[i]!, hash);
    return hash;
  }

  root(): Buffer {
    return this.rangeRoot(0, this.size);
  }

  /** The same PATH(m, D[n]) as inclusionProof, in O(log² n) hashes at most. */
  inclusionProof(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`leaf ${index} is not in a tree of ${this.size}`);
    const path: Buffer[] = [];
    let [from, to] = [0, this.size];
    while (to - from > 1) {
      const k = splitPoint(to - from);
      if (index < from + k) {
        path.push(this.rangeRoot(from + k, to));
        to = from + k;
      } else {
        path.push(this.rangeRoot(from, from + k));
        from += k;
      }
    }
    return path.reverse();
  }
}
