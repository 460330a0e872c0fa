import { TreeNodes } from './tree-nodes';
import { nodeHashOf } from './tree-hashing';

/** A node the frontier completed while appending: store it, it never changes again. */
export type NodeSink = (level: number, index: number, hash: Uint8Array) => void;

/**
 * The right edge of the tree: the roots of its complete subtrees, largest first (one per set bit
 * of the size). Appending a leaf merges equal-sized neighbours, O(log n) hashes at worst and two
 * on average; the root folds them right to left.
 */
export class TreeFrontier {
  private readonly peaks: Uint8Array[];

  constructor(
    private count: number,
    peaks: readonly Uint8Array[] = [],
  ) {
    this.peaks = [...peaks];
  }

  /** The frontier of a stored tree of `size` leaves, from its O(log n) complete subtrees. */
  static of(nodes: TreeNodes, size: number): TreeFrontier {
    const peaks: Uint8Array[] = [];
    let start = 0;
    for (let width = 2 ** Math.floor(Math.log2(Math.max(size, 1))); width >= 1; width /= 2) {
      if (start + width <= size) {
        peaks.push(nodes.node(Math.log2(width), start / width));
        start += width;
      }
    }
    return new TreeFrontier(size, peaks);
  }

  get size(): number {
    return this.count;
  }

  /** Appends a leaf hash, handing every node it completes (the leaf included) to `sink`. */
  append(leaf: Uint8Array, sink: NodeSink): void {
    let index = this.count;
    let level = 0;
    let hash = leaf;
    sink(level, index, hash);
    while (index % 2 === 1) {
      hash = nodeHashOf(this.peaks.pop() as Uint8Array, hash);
      index = (index - 1) / 2;
      level++;
      sink(level, index, hash);
    }
    this.peaks.push(hash);
    this.count++;
  }

  /** The tree hash of everything appended; null for the empty tree. */
  root(): Uint8Array | null {
    let root: Uint8Array | null = null;
    for (let i = this.peaks.length - 1; i >= 0; i--) {
      root = root === null ? this.peaks[i] : nodeHashOf(this.peaks[i], root);
    }
    return root;
  }
}
