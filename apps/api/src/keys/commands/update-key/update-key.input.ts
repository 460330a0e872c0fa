import { CreateKeyInput } from '../create-key/create-key.input';

/**
 * What a key update names: each field given is a change, each one left out stays as it is.
 * `reason` goes into the audit trail with `disabled: true` or a change of the restrictions.
 */
export interface UpdateKeyInput extends Partial<
  Pick<
    CreateKeyInput,
    | 'name'
    | 'limit'
    | 'limit_reset'
    | 'include_byok_in_limit'
    | 'expires_at'
    | 'allowed_ips'
    | 'rate_limits'
    | 'alert_thresholds'
    | 'metadata'
    | 'external_id'
  >
> {
  readonly disabled?: boolean;
  readonly reason?: string;
}
