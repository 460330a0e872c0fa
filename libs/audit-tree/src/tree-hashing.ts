import { hash } from 'node:crypto';

// Scratch buffers, prefix byte in place: hashing is synchronous, so they are never shared, and
// one-shot hash() of one buffer is much cheaper than a createHash() per node.
const node = Buffer.alloc(65);
node[0] = 0x01;
let leaf = Buffer.alloc(4096);

/** RFC 9162 leaf hash, SHA-256(0x00 ‖ data), synchronously (node:crypto) for the log's writer. */
export function leafHashOf(data: Uint8Array): Buffer {
  if (leaf.length < data.length + 1) leaf = Buffer.alloc(2 * (data.length + 1));
  leaf[0] = 0x00;
  leaf.set(data, 1);
  return hash('sha256', leaf.subarray(0, data.length + 1), 'buffer');
}

/** RFC 9162 interior node hash, SHA-256(0x01 ‖ left ‖ right). */
export function nodeHashOf(left: Uint8Array, right: Uint8Array): Buffer {
  node.set(left, 1);
  node.set(right, 33);
  return hash('sha256', node, 'buffer');
}

/** The largest power of two below n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is 2^level for some level, and which; null otherwise. */
export function powerOfTwoLevel(n: number): number | null {
  let level = 0;
  for (let m = n; m > 1; m /= 2) {
    if (m % 2 !== 0) return null;
    level++;
  }
  return n >= 1 ? level : null;
}
