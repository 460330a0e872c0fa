import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AuditPublicKey, toHex, TreeHead, treeHeadSigningInput } from '@keyledger/client';

/** The file a development signing key is kept in, inside DATA_DIR. */
export const DEV_SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** Signs tree heads with one Ed25519 key; `key_id` is the SHA-256 of its SPKI (DER). */
export class TreeHeadSigner {
  readonly publicKey: AuditPublicKey;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error(`the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
    }
    const publicKey = createPublicKey(privateKey);
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    this.publicKey = {
      key_id: createHash('sha256').update(spki).digest('hex'),
      public_key_pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
  }

  /** Signs the tree of `treeSize` leaves with root `root` at `timestamp` (ms). */
  sign(treeSize: number, root: Uint8Array, timestamp: number): TreeHead {
    const unsigned = { tree_size: treeSize, root_hash: toHex(root), timestamp };
    const signature = sign(null, treeHeadSigningInput(unsigned), this.privateKey);
    return { ...unsigned, key_id: this.publicKey.key_id, signature: signature.toString('base64') };
  }
}

/** Where the signing key comes from: a PKCS#8 PEM file, or a development key in DATA_DIR. */
export interface SigningKeySource {
  readonly keyFile: string | null;
  readonly dataDir: string;
  /** Told when a development key is used, so nobody mistakes it for a real one. */
  readonly warn: (message: string) => void;
}

/**
 * The signer for `AUDIT_SIGNING_KEY_FILE`, or for a development key made (once, mode 0600) in
 * DATA_DIR when none is set. A bad key file throws, naming it.
 */
export function loadTreeHeadSigner({ keyFile, dataDir, warn }: SigningKeySource): TreeHeadSigner {
  if (keyFile !== null) {
    try {
      return new TreeHeadSigner(createPrivateKey(readFileSync(keyFile)));
    } catch (error) {
      throw new Error(`AUDIT_SIGNING_KEY_FILE: ${keyFile}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const file = join(dataDir, DEV_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  warn(
    `audit tree heads are signed with a development key (${file}); set AUDIT_SIGNING_KEY_FILE ` +
      'to a PKCS#8 Ed25519 key kept apart from the data for heads an auditor can trust',
  );
  return new TreeHeadSigner(createPrivateKey(readFileSync(file)));
}
