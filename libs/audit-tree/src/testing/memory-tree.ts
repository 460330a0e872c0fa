import { TreeFrontier } from '../tree-frontier';
import { TreeNodes } from '../tree-nodes';
import { leafHashOf } from '../tree-hashing';

/** A tree kept in a Map, built by the same frontier the stored tree uses: for specs and benches. */
export class MemoryTree implements TreeNodes {
  private readonly nodes = new Map<number, Uint8Array>();
  readonly frontier = new TreeFrontier(0);

  /** Appends the leaf for each datum. */
  append(...data: Uint8Array[]): this {
    for (const datum of data) {
      this.frontier.append(leafHashOf(datum), (level, index, hash) =>
        this.nodes.set(index * 64 + level, hash),
      );
    }
    return this;
  }

  node(level: number, index: number): Uint8Array {
    const hash = this.nodes.get(index * 64 + level);
    if (hash === undefined) throw new RangeError(`no node at level ${level}, index ${index}`);
    return hash;
  }
}
