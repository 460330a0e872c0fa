import { Inject, Injectable } from '@nestjs/common';
import { Clock, secretsEqual, hashSecret, Principal } from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { ApiKeyAuthenticator } from '../auth/api-key-authenticator';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../infrastructure/tokens';
import { ApiError } from '../shared/errors/api-error';
import { KeyDirectory } from './key-directory';

export const invalidApiKey = (): ApiError =>
  new ApiError(401, 'invalid_api_key', 'The API key is not valid.');

/** Authenticates management calls made with an API key (SPEC §1: a key acts with its own scopes). */
@Injectable()
export class KeyAuthenticator implements ApiKeyAuthenticator {
  constructor(
    private readonly directory: KeyDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(secret: string): Promise<Principal> {
    const key = await this.keyOf(secret);
    if (!key || key.revoked) throw invalidApiKey();
    if (key.disabled) throw new ApiError(403, 'key_disabled', 'The API key is disabled.');
    if (key.expires_at !== null && Date.parse(key.expires_at) <= this.clock.now().getTime()) {
      throw new ApiError(401, 'key_expired', 'The API key has expired.');
    }
    return {
      kind: 'api_key',
      key_id: key.id,
      user_id: key.owner_user_id,
      active_org_id: key.org_id,
      orgs: key.org_id === null ? [] : [{ id: key.org_id, permissions: key.org_permissions }],
      scopes: key.scopes,
      plan_tier: key.plan_tier,
    };
  }

  /**
   * By the native hash; under a pepper, then by the plain SHA-256 an imported key is stored by
   * (without one, the native hash is that already).
   */
  private async keyOf(secret: string): Promise<KeyDocument | null> {
    const pepper = this.config.keyHashPepper;
    const native = await this.byHash(hashSecret(secret, pepper));
    return native !== null || pepper === null ? native : this.byHash(hashSecret(secret, null));
  }

  /** The current secret, or the previous one while its rotation grace period lasts. */
  private async byHash(hash: string): Promise<KeyDocument | null> {
    const current = await this.directory.keys.findOne({ hash });
    if (current && secretsEqual(current.hash, hash)) return current;
    const previous = await this.directory.keys.findOne({ previous_hash: hash });
    const graceEnds = previous?.previous_hash_valid_until;
    return previous && graceEnds && Date.parse(graceEnds) > this.clock.now().getTime()
      ? previous
      : null;
  }
}
