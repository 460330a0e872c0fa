import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  NodeHasher,
  toHex,
  verifyConsistencyProof as verifyConsistencyWith,
  verifyInclusionPath as verifyInclusionWith,
} from '@keyledger/client';
import { consistencyProof, inclusionPath, rootAt } from './merkle-proofs';
import { MemoryTree } from './testing/memory-tree';
import { ReferenceTree } from './testing/rfc9162-reference';
import { leafHashOf, nodeHashOf } from './tree-hashing';

// The verifier's own algorithms with node:crypto's SHA-256 in place of Web Crypto's (checked
// equal below): a million Web Crypto round trips would make this suite minutes long.
const fastHash: NodeHasher = async (left, right) => nodeHashOf(left, right);
const verifyInclusionPath = (...args: Parameters<typeof verifyInclusionWith>) =>
  verifyInclusionWith(args[0], args[1], args[2], args[3], args[4], fastHash);
const verifyConsistencyProof = (...args: Parameters<typeof verifyConsistencyWith>) =>
  verifyConsistencyWith(args[0], args[1], args[2], args[3], args[4], fastHash);

const MAX = 300;
const data = Array.from({ length: MAX }, (_, i) => Buffer.from(`leaf ${i} ${'x'.repeat(i % 7)}`));
const reference = new ReferenceTree(data);
const tree = new MemoryTree().append(...data);
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootAt(tree, n));

/** Hashes as one string: cheap to compare forty-five thousand times. */
const joined = (hashes: readonly Uint8Array[]): string =>
  hashes.map((hash) => Buffer.from(hash).toString('hex')).join(',');

const flipBit = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
  return copy;
};

jest.setTimeout(120_000);

describe('the tree against RFC 9162 §2.1, on every size from 1 to 300', () => {
  it('verifies with Web Crypto exactly as with node:crypto', async () => {
    for (const n of [1, 2, 7, 64, 300]) {
      const m = Math.floor(n / 3);
      const root = rootAt(tree, n);
      const path = inclusionPath(tree, m, n);
      expect(await verifyInclusionWith(m, n, leafHashOf(data[m]), path, root)).toBe(true);
      const proof = consistencyProof(tree, Math.max(m, 1), n);
      const first = rootAt(tree, Math.max(m, 1));
      expect(await verifyConsistencyWith(Math.max(m, 1), n, proof, first, root)).toBe(true);
      expect(await verifyConsistencyWith(Math.max(m, 1), n, proof, root, root)).toBe(n === 1);
    }
  });

  it('has the RFC tree hash at every size, the empty tree included', () => {
    for (let n = 0; n <= MAX; n++) expect(toHex(rootAt(tree, n))).toBe(toHex(reference.mth(0, n)));
  });

  it('gives the RFC inclusion path of every leaf of every size, and each one verifies', async () => {
    for (let n = 1; n <= MAX; n++) {
      const root = roots[n];
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(tree, m, n);
        if (joined(path) !== joined(reference.path(m, n))) throw new Error(`PATH(${m}, D[${n}])`);
        if (!(await verifyInclusionPath(m, n, leafHashOf(data[m]), path, root))) {
          throw new Error(`leaf ${m} of ${n} does not verify`);
        }
      }
    }
  });

  it('gives the RFC consistency proof between every two sizes, and each one verifies', async () => {
    for (let n = 1; n <= MAX; n++) {
      const second = roots[n];
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(tree, m, n);
        if (joined(proof) !== joined(reference.proof(m, n)))
          throw new Error(`PROOF(${m}, D[${n}])`);
        if (!(await verifyConsistencyProof(m, n, proof, roots[m], second))) {
          throw new Error(`${m} to ${n} does not verify`);
        }
      }
    }
  });

  it('refuses an inclusion proof with any bit flipped, in any hash, or another index or size', async () => {
    for (let n = 1; n <= MAX; n++) {
      const root = rootAt(tree, n);
      for (const m of new Set([0, n - 1, Math.floor(n / 2)])) {
        const leaf = leafHashOf(data[m]);
        const path = inclusionPath(tree, m, n);
        const bit = (n * 31 + m) % 256;
        for (let i = 0; i < path.length; i++) {
          const tampered = path.map((hash, j) => (j === i ? flipBit(hash, bit) : hash));
          expect(await verifyInclusionPath(m, n, leaf, tampered, root)).toBe(false);
        }
        expect(await verifyInclusionPath(m, n, flipBit(leaf, bit), path, root)).toBe(false);
        expect(await verifyInclusionPath(m, n, leaf, path, flipBit(root, bit))).toBe(false);
        if (n < MAX)
          expect(await verifyInclusionPath(m, n + 1, leaf, path, roots[n + 1])).toBe(false);
        if (n > 1) expect(await verifyInclusionPath((m + 1) % n, n, leaf, path, root)).toBe(false);
        expect(await verifyInclusionPath(m, n, leaf, [...path, root], root)).toBe(false);
      }
    }
  });

  it('refuses a consistency proof with any bit flipped, in any hash, or other sizes', async () => {
    for (let n = 2; n <= MAX; n++) {
      const second = rootAt(tree, n);
      for (const m of new Set([1, n - 1, Math.ceil(n / 3)])) {
        const first = rootAt(tree, m);
        const proof = consistencyProof(tree, m, n);
        const bit = (n * 17 + m) % 256;
        for (let i = 0; i < proof.length; i++) {
          const tampered = proof.map((hash, j) => (j === i ? flipBit(hash, bit) : hash));
          // The RFC's verifier never reads the proof's first hash when m is a power of two and
          // the first tree's root stands for it; then a changed copy proves nothing either way.
          const read = await verifyConsistencyProof(m, n, tampered, first, second);
          expect(read).toBe(false);
        }
        expect(await verifyConsistencyProof(m, n, proof, flipBit(first, bit), second)).toBe(false);
        expect(await verifyConsistencyProof(m, n, proof, first, flipBit(second, bit))).toBe(false);
        expect(await verifyConsistencyProof(m, n, proof, rootAt(tree, n - 1), second)).toBe(
          m === n - 1 ? true : false,
        );
        expect(await verifyConsistencyProof(m, n, [], first, second)).toBe(false);
      }
    }
  });
});

describe('the tree on random larger sizes', () => {
  it('proves and verifies random leaves and sizes, and refuses a flipped bit', async () => {
    const big = Array.from({ length: 5_000 }, () => randomBytes(40));
    const bigTree = new MemoryTree().append(...big);
    const bigReference = new ReferenceTree(big);
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 301, max: big.length })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 1, max: n }),
              fc.nat(),
            ),
          ),
        async ([n, m, first, bit]) => {
          const root = rootAt(bigTree, n);
          expect(toHex(root)).toBe(toHex(bigReference.mth(0, n)));
          const path = inclusionPath(bigTree, m, n);
          const leaf = leafHashOf(big[m]);
          expect(await verifyInclusionPath(m, n, leaf, path, root)).toBe(true);
          const i = bit % path.length;
          const tamperedPath = path.map((h, j) => (j === i ? flipBit(h, bit) : h));
          expect(await verifyInclusionPath(m, n, leaf, tamperedPath, root)).toBe(false);
          const proof = consistencyProof(bigTree, first, n);
          expect(proof.map(toHex)).toEqual(bigReference.proof(first, n).map(toHex));
          const firstRoot = rootAt(bigTree, first);
          expect(await verifyConsistencyProof(first, n, proof, firstRoot, root)).toBe(true);
          if (proof.length > 0) {
            const k = bit % proof.length;
            const tampered = proof.map((h, j) => (j === k ? flipBit(h, bit) : h));
            expect(await verifyConsistencyProof(first, n, tampered, firstRoot, root)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
