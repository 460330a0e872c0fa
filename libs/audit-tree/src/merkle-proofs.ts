import { createHash } from 'node:crypto';
import { TreeNodes } from './tree-nodes';
import { nodeHashOf, powerOfTwoLevel, splitPoint } from './tree-hashing';

/** RFC 9162 MTH({}): the hash of no bytes. */
const EMPTY_ROOT = createHash('sha256').digest();

/**
 * MTH(D[start:end]). Every subtree RFC 9162's recursion meets is either complete and aligned (one
 * stored node) or a right edge of the tree, which splits into O(log n) stored nodes.
 */
export function subtreeHash(nodes: TreeNodes, start: number, end: number): Uint8Array {
  const size = end - start;
  const level = powerOfTwoLevel(size);
  if (level !== null && start % size === 0) return nodes.node(level, start / size);
  const k = splitPoint(size);
  return nodeHashOf(subtreeHash(nodes, start, start + k), subtreeHash(nodes, start + k, end));
}

/** The tree hash of the first `size` leaves. */
export const rootAt = (nodes: TreeNodes, size: number): Uint8Array =>
  size === 0 ? EMPTY_ROOT : subtreeHash(nodes, 0, size);

/** RFC 9162 §2.1.3.1 PATH(index, D[0:size]): the leaf's sibling first. */
export function inclusionPath(nodes: TreeNodes, index: number, size: number): Uint8Array[] {
  if (!(index >= 0 && index < size))
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Uint8Array[] = [];
  let start = 0;
  let end = size;
  // Walk down from the root; each step's sibling is pushed, so reverse to go leaf-up.
  while (end - start > 1) {
    const split = start + splitPoint(end - start);
    if (index < split) {
      path.push(subtreeHash(nodes, split, end));
      end = split;
    } else {
      path.push(subtreeHash(nodes, start, split));
      start = split;
    }
  }
  return path.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(first, D[0:second]); empty when first is 0 or equals second. */
export function consistencyProof(nodes: TreeNodes, first: number, second: number): Uint8Array[] {
  if (!(first >= 0 && first <= second)) throw new RangeError(`${first} is not within ${second}`);
  if (first === 0 || first === second) return [];
  const proof: Uint8Array[] = [];
  let start = 0;
  let end = second;
  let m = first;
  let whole = true;
  // SUBPROOF(m, D[start:end], whole), unrolled: each step's sibling goes after the deeper part.
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push(subtreeHash(nodes, start + k, end));
      end = start + k;
    } else {
      proof.push(subtreeHash(nodes, start, start + k));
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) proof.push(subtreeHash(nodes, start, end));
  return proof.reverse();
}
