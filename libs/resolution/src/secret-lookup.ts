import {
  CHECKSUM_LENGTH,
  hasValidChecksum,
  SECRET_HEX_LENGTH,
  SecretHasher,
  secretHasher,
} from '@keyledger/domain';
import { KeyEntry } from './key-entry';
import { ResolutionModel } from './resolution-model';
import { ResolutionSettings } from './resolution-settings';

/**
 * Finds the key a presented secret names, paying one hash in the usual case. Our own secrets
 * (the prefix and 64 hex characters, or 70 with a valid checksum) are hashed the native way; a
 * checksummed one that fails its CRC is no secret of ours and costs no hash. Imported keys are
 * stored by the plain SHA-256 of their original secret: that second hash is spent only when the
 * secret starts with an imported key's prefix, and, for one of our own shapes, only after the
 * native lookup missed under a pepper (without a pepper the native hash is that SHA-256 already).
 */
export class SecretLookup {
  private readonly plainLength: number;
  /** The two ways a lookup hashes, each set up once (the pepper held as a KeyObject). */
  private readonly nativeHash: SecretHasher;
  private readonly importedHash: SecretHasher = secretHasher(null);

  constructor(
    private readonly model: ResolutionModel,
    private readonly settings: Pick<ResolutionSettings, 'secretPrefix' | 'pepper'>,
  ) {
    this.plainLength = settings.secretPrefix.length + SECRET_HEX_LENGTH;
    this.nativeHash = secretHasher(settings.pepper);
  }

  /** The key, or undefined for a secret no key has (a revoked key is still found). */
  find(secret: string, atMs: number): KeyEntry | undefined {
    const { pepper } = this.settings;
    if (this.isOurShape(secret)) {
      const key = this.model.keyByHash(this.nativeHash(secret), atMs);
      if (key !== undefined || pepper === null) return key;
    }
    return this.model.importedPrefixes.admit(secret)
      ? this.model.keyByHash(this.importedHash(secret), atMs)
      : undefined;
  }

  /**
   * Length and prefix first, so that most garbage costs nothing; the hex characters are not
   * checked: a value of the right length that is not hex hashes to no key, and checking them
   * would tax every admitted request for what a random well-formed secret costs an attacker anyway.
   */
  private isOurShape(secret: string): boolean {
    const { length } = secret;
    const plain = length === this.plainLength;
    if (!plain && length !== this.plainLength + CHECKSUM_LENGTH) return false;
    const { secretPrefix } = this.settings;
    return secret.startsWith(secretPrefix) && (plain || hasValidChecksum(secret, secretPrefix));
  }
}
