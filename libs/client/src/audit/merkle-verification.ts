import { nodeHash, toHex } from './merkle-hash';

/** SHA-256(0x01 ‖ left ‖ right): Web Crypto's by default; a caller may bring a faster one. */
export type NodeHasher = (left: Uint8Array, right: Uint8Array) => Promise<Uint8Array>;

/** RFC 9162's hash of the empty tree: SHA-256 of no bytes. */
export const EMPTY_TREE_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * RFC 9162 §2.1.3.2: whether `path` proves the leaf hashed to `leaf` sits at `index` in the tree
 * of `size` leaves whose root is `root`.
 */
export async function verifyInclusionPath(
  index: number,
  size: number,
  leaf: Uint8Array,
  path: readonly Uint8Array[],
  root: Uint8Array,
  hashNodes: NodeHasher = nodeHash,
): Promise<boolean> {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  // Bit arithmetic on plain numbers is 32-bit; halving keeps it exact up to 2^53.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await hashNodes(p, r);
      [fn, sn] = halveWhileEven(fn, sn);
    } else {
      r = await hashNodes(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameBytes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `second` leaves (root `secondRoot`)
 * extends the tree of its first `first` leaves (root `firstRoot`). Equal sizes need an empty
 * proof and equal roots; so does an empty first tree, which every tree extends.
 */
export async function verifyConsistencyProof(
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  hashNodes: NodeHasher = nodeHash,
): Promise<boolean> {
  if (!isCount(first) || !isCount(second) || first > second) return false;
  if (first === second) return proof.length === 0 && sameBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0 && toHex(firstRoot) === EMPTY_TREE_ROOT;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await hashNodes(c, fr);
      sr = await hashNodes(c, sr);
      [fn, sn] = halveWhileEven(fn, sn);
    } else {
      sr = await hashNodes(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameBytes(fr, firstRoot) && sameBytes(sr, secondRoot);
}

/** RFC 9162's "right-shift fn and sn equally until LSB(fn) is set or fn is 0". */
function halveWhileEven(fn: number, sn: number): [number, number] {
  let [f, s] = [fn, sn];
  while (f % 2 === 0 && f !== 0) {
    f /= 2;
    s = Math.floor(s / 2);
  }
  return [f, s];
}

function isPowerOfTwo(n: number): boolean {
  let m = n;
  while (m > 1 && m % 2 === 0) m /= 2;
  return m === 1;
}
