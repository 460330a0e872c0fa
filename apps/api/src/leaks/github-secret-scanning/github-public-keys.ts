import { createPublicKey, KeyObject, verify } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

/**
 * GitHub's secret-scanning public keys, as https://api.github.com/meta/public_keys/secret_scanning
 * serves them: `{ public_keys: [{ key_identifier, key (PEM), is_current }] }`.
 */
const publicKeysFile = z.object({
  public_keys: z.array(
    z.object({
      key_identifier: z.string().min(1).max(256),
      key: z.string().min(1),
      is_current: z.boolean().optional(),
    }),
  ),
});

/** Longest signature header read: a DER ECDSA P-256 signature is at most 72 bytes. */
const MAX_SIGNATURE_CHARS = 256;

/**
 * Verifies GitHub's signatures on secret-scanning reports: ECDSA P-256 with SHA-256 over the
 * raw body, DER, base64 in `Github-Public-Key-Signature`, by the key `Github-Public-Key-Identifier`
 * names. Every listed key verifies (GitHub keeps signing with a rotated-out one for a while).
 * The file is read at start (a bad one stops the start) and again when a report names a key it
 * lacks and the file has changed since: rotating GitHub's keys needs no restart.
 */
export class GithubPublicKeys {
  private keys = new Map<string, KeyObject>();
  private loadedMtimeMs = 0;

  /** `file` null: no key, so every report is refused. */
  constructor(private readonly file: string | null) {
    if (file !== null) this.load(file);
  }

  /** Whether the body carries a valid signature by a known key. */
  verifies(identifier: unknown, signature: unknown, body: Buffer | undefined): boolean {
    if (typeof identifier !== 'string' || typeof signature !== 'string' || body === undefined) {
      return false;
    }
    if (signature.length > MAX_SIGNATURE_CHARS) return false;
    const key = this.keyNamed(identifier);
    if (key === undefined) return false;
    try {
      return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
    } catch {
      // A signature that is not DER at all is just as invalid.
      return false;
    }
  }

  private keyNamed(identifier: string): KeyObject | undefined {
    const known = this.keys.get(identifier);
    if (known !== undefined || this.file === null) return known;
    try {
      if (statSync(this.file).mtimeMs !== this.loadedMtimeMs) this.load(this.file);
    } catch {
      // A file that is gone or broken now keeps the keys read before.
    }
    return this.keys.get(identifier);
  }

  private load(file: string): void {
    const mtimeMs = statSync(file).mtimeMs;
    const parsed = publicKeysFile.safeParse(parseJson(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `SECRET_SCANNING_PUBLIC_KEYS_FILE: expected { public_keys: [{ key_identifier, key, is_current }] }: ${parsed.error.message}`,
      );
    }
    const keys = new Map<string, KeyObject>();
    for (const { key_identifier, key } of parsed.data.public_keys) {
      const object = createPublicKey(key);
      if (object.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error(
          `SECRET_SCANNING_PUBLIC_KEYS_FILE: key ${key_identifier} is not an ECDSA P-256 public key`,
        );
      }
      keys.set(key_identifier, object);
    }
    this.keys = keys;
    this.loadedMtimeMs = mtimeMs;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`SECRET_SCANNING_PUBLIC_KEYS_FILE is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
