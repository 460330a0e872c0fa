import { KeyPolicyEnforcement } from '@keyledger/domain';

/** An org's whole key policy (fields left out take their "no rule" value), and why it changes. */
export interface SetKeyPolicyInput {
  readonly max_lifetime_days?: number | null;
  readonly require_limit?: boolean;
  readonly allowed_scopes?: readonly string[] | null;
  readonly require_ip_allowlist?: boolean;
  readonly enforcement?: KeyPolicyEnforcement;
  readonly reason: string;
}
