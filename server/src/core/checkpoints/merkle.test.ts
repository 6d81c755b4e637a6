import { describe, expect, it } from 'vitest';

import { EMPTY_ROOT, inclusionProof, leafHash, MerkleBuilder, merkleRoot, MerkleTree, nodeHash, verifyInclusion } from './merkle.js';

// The reference leaves and tree heads of RFC 6962 that Certificate Transparency implementations share.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  leafHash(Buffer.from(hex, 'hex')),
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    index: 0,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const hex = (buffers: Buffer[]) => buffers.map((buffer) => buffer.toString('hex'));

/** The recursion of RFC 6962 §2.1 written out literally, to hold the streaming builder to. */
function referenceRoot(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return nodeHash(referenceRoot(hashes.slice(0, k)), referenceRoot(hashes.slice(k)));
}

describe('the RFC 6962 Merkle tree', () => {
  it('gives the reference roots for every size from 0 to 8', () => {
    for (let n = 0; n <= LEAVES.length; n++) expect(merkleRoot(LEAVES.slice(0, n)).toString('hex'), `size ${n}`).toBe(ROOTS[n]);
  });

  it('streams to the same root as the recursive definition, at every size up to 70', () => {
    const many = Array.from({ length: 70 }, (_, i) => leafHash(`leaf ${i}`));
    const builder = new MerkleBuilder();
    for (let n = 1; n <= many.length; n++) {
      builder.add(many[n - 1]!);
      expect(builder.size).toBe(n);
      expect(builder.root().equals(referenceRoot(many.slice(0, n))), `size ${n}`).toBe(true);
    }
  });

  it('proves inclusion as the reference proofs do', () => {
    for (const { index, proof } of INCLUSION) {
      expect(hex(inclusionProof(LEAVES, index))).toEqual(proof);
      expect(
        verifyInclusion(
          LEAVES[index]!,
          index,
          8,
          proof.map((p) => Buffer.from(p, 'hex')),
          Buffer.from(ROOTS[8]!, 'hex'),
        ),
      ).toBe(true);
    }
  });

  it("verifies every leaf's proof at every size, and refuses a wrong leaf, index, root or path", () => {
    const many = Array.from({ length: 21 }, (_, i) => leafHash(Buffer.from([i, i * 7])));
    for (let n = 1; n <= many.length; n++) {
      const tree = many.slice(0, n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, n, proof, root), `leaf ${i} of ${n}`).toBe(true);
        if (n === 1) continue;
        const other = (i + 1) % n;
        expect(verifyInclusion(tree[other]!, i, n, proof, root)).toBe(false);
        expect(verifyInclusion(tree[i]!, other, n, proof, root)).toBe(false);
        expect(verifyInclusion(tree[i]!, n, n, proof, root)).toBe(false);
        expect(verifyInclusion(tree[i]!, i, n, proof, leafHash('another root'))).toBe(false);
        const tampered = proof.map((p) => Buffer.from(p));
        tampered[0]![0]! ^= 1;
        expect(verifyInclusion(tree[i]!, i, n, tampered, root)).toBe(false);
        expect(verifyInclusion(tree[i]!, i, n, proof.slice(1), root)).toBe(false);
      }
    }
    expect(() => inclusionProof(many, many.length)).toThrow(RangeError);
  });

  it('keeps a tree whole whose root and proofs are the ones computed from the leaves, at every size and leaf', () => {
    const many = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from([i, i * 7])));
    expect(new MerkleTree([]).root()).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= many.length; n++) {
      const leaves = many.slice(0, n);
      const tree = new MerkleTree(leaves);
      expect(tree.root().toString('hex'), `root of ${n}`).toBe(merkleRoot(leaves).toString('hex'));
      for (let i = 0; i < n; i++) {
        expect(tree.leaf(i)).toEqual(leaves[i]);
        expect(
          tree.inclusionProof(i).map((hash) => hash.toString('hex')),
          `leaf ${i} of ${n}`,
        ).toEqual(inclusionProof(leaves, i).map((hash) => hash.toString('hex')));
      }
    }
    expect(() => new MerkleTree(many).inclusionProof(many.length)).toThrow(RangeError);
  });
});
