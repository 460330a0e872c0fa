import { AuditLeaf } from './audit-proof.types';
import { canonicalJson } from './canonical-json';

/** Bytes of a hash as the API writes them: lowercase hex. */
export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A 32-byte hash from lowercase hex, or null when the text is anything else. */
export function hashFromHex(hex: unknown): Uint8Array | null {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** SHA-256 through Web Crypto, present in browsers and in Node 20. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  // A copy on its own ArrayBuffer: the DOM typings' BufferSource takes no SharedArrayBuffer view.
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
}

const prefixed = (prefix: number, ...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(1 + parts.reduce((sum, part) => sum + part.length, 0));
  out[0] = prefix;
  let offset = 1;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ data). */
export const leafHash = (data: Uint8Array): Promise<Uint8Array> => sha256(prefixed(0x00, data));

/** RFC 9162 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> =>
  sha256(prefixed(0x01, left, right));

/** The leaf data of an event: UTF-8 of the JCS of exactly its seven leaf fields. */
export function leafData(leaf: AuditLeaf): Uint8Array {
  const { id, stream, revision, type, data, metadata, recorded_at } = leaf;
  return new TextEncoder().encode(
    canonicalJson({ id, stream, revision, type, data, metadata, recorded_at }),
  );
}
