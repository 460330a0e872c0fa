export * from './audit.types';
export * from './audit.resource';
export * from './audit-proof.types';
export * from './audit-verifier';
export { canonicalJson } from './canonical-json';
export { hashFromHex, leafData, leafHash, nodeHash, sha256, toHex } from './merkle-hash';
export {
  EMPTY_TREE_ROOT,
  verifyConsistencyProof,
  verifyInclusionPath,
  type NodeHasher,
} from './merkle-verification';
