import {
  AuditLeaf,
  AuditPublicKey,
  ConsistencyProof,
  InclusionProof,
  TreeHead,
} from './audit-proof.types';
import { canonicalJson } from './canonical-json';
import { hashFromHex, leafData, leafHash, sha256, toHex } from './merkle-hash';
import { verifyConsistencyProof, verifyInclusionPath } from './merkle-verification';

/*
 * The offline verifier: what an auditor runs on heads and proofs they fetched, trusting nothing
 * but the public key. Web Crypto only (browsers, Node 20): no dependency, no Node built-in.
 */

const ED25519 = { name: 'Ed25519' } as const;

/** The DER bytes inside a PEM armour (`-----BEGIN PUBLIC KEY-----`). */
function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  const base64 = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return base64Bytes(base64);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** A key's id: lowercase hex SHA-256 of its SPKI (DER) encoding, as the service names it. */
export async function auditKeyId(publicKeyPem: string): Promise<string> {
  return toHex(await sha256(pemBody(publicKeyPem)));
}

/** The bytes a tree head's signature covers: JCS of `{ tree_size, root_hash, timestamp }`. */
export function treeHeadSigningInput(
  head: Pick<TreeHead, 'tree_size' | 'root_hash' | 'timestamp'>,
): Uint8Array<ArrayBuffer> {
  const { tree_size, root_hash, timestamp } = head;
  return Uint8Array.from(
    new TextEncoder().encode(canonicalJson({ tree_size, root_hash, timestamp })),
  );
}

/**
 * Whether the head is well formed and signed by the given public key (a PEM string, or
 * `{ key_id, public_key_pem }` from `GET /api/v1/audit/public-keys`), and names that key.
 */
export async function verifyTreeHead(
  head: TreeHead,
  publicKey: string | AuditPublicKey,
): Promise<boolean> {
  const pem = typeof publicKey === 'string' ? publicKey : publicKey.public_key_pem;
  try {
    if (!Number.isSafeInteger(head.tree_size) || head.tree_size < 0) return false;
    if (!Number.isSafeInteger(head.timestamp) || hashFromHex(head.root_hash) === null) return false;
    const keyId = await auditKeyId(pem);
    if (head.key_id !== keyId || (typeof publicKey !== 'string' && publicKey.key_id !== keyId)) {
      return false;
    }
    const key = await globalThis.crypto.subtle.importKey('spki', pemBody(pem), ED25519, false, [
      'verify',
    ]);
    return await globalThis.crypto.subtle.verify(
      ED25519,
      key,
      base64Bytes(head.signature),
      treeHeadSigningInput(head),
    );
  } catch {
    // A malformed key, signature or field is simply not a valid head.
    return false;
  }
}

const hashes = (hexes: readonly string[]): Uint8Array[] | null => {
  if (!Array.isArray(hexes)) return null;
  const parsed = hexes.map(hashFromHex);
  return parsed.every((hash) => hash !== null) ? (parsed as Uint8Array[]) : null;
};

/**
 * Whether `leaf` (the seven fields of an event) is the leaf at `proof.leaf_index` of the tree
 * `head` commits to. Check the head itself with `verifyTreeHead`.
 */
export async function verifyInclusion(
  leaf: AuditLeaf,
  proof: InclusionProof,
  head: TreeHead,
): Promise<boolean> {
  const root = hashFromHex(head.root_hash);
  const path = hashes(proof.audit_path);
  if (root === null || path === null || proof.tree_size !== head.tree_size) return false;
  try {
    const hash = await leafHash(leafData(leaf));
    return await verifyInclusionPath(proof.leaf_index, proof.tree_size, hash, path, root);
  } catch {
    return false;
  }
}

/**
 * Whether `newHead`'s tree extends `oldHead`'s: same first `oldHead.tree_size` leaves, nothing
 * rewritten or removed. Check each head itself with `verifyTreeHead`.
 */
export async function verifyConsistency(
  oldHead: TreeHead,
  newHead: TreeHead,
  proof: ConsistencyProof,
): Promise<boolean> {
  const firstRoot = hashFromHex(oldHead.root_hash);
  const secondRoot = hashFromHex(newHead.root_hash);
  const path = hashes(proof.proof);
  if (firstRoot === null || secondRoot === null || path === null) return false;
  if (proof.first !== oldHead.tree_size || proof.second !== newHead.tree_size) return false;
  return verifyConsistencyProof(proof.first, proof.second, path, firstRoot, secondRoot);
}
