/**
 * Where a tree's hashes are read from: the hash of every complete subtree that starts at a
 * multiple of its size (`level` 0 = a leaf hash, level l covers 2^l leaves from index·2^l).
 * Those never change once their last leaf is appended, so they can be stored once.
 */
export interface TreeNodes {
  node(level: number, index: number): Uint8Array;
}
