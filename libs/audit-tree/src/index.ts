export * from './audit-tree.types';
export { auditLeafOf, leafDataOf, newLeafOf } from './audit-leaf';
export {
  AuditTree,
  type AuditTreeOptions,
  type LeafInclusion,
  type TreeHeadPolicy,
} from './audit-tree';
export { consistencyProof, inclusionPath, rootAt, subtreeHash } from './merkle-proofs';
export { AUDIT_TREE_FILE, SqliteAuditTreeStore } from './sqlite-audit-tree-store';
export { TreeFrontier } from './tree-frontier';
export { leafHashOf, nodeHashOf } from './tree-hashing';
export {
  DEV_SIGNING_KEY_FILE,
  loadTreeHeadSigner,
  TreeHeadSigner,
  type SigningKeySource,
} from './tree-head-signer';
export type { TreeNodes } from './tree-nodes';
export {
  verifyAuditLog,
  type AuditProblem,
  type AuditProblemKind,
  type AuditRecord,
  type AuditVerdict,
} from './audit-log-verification';
