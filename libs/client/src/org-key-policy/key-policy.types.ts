import { FieldList } from '../core/field-list';
import { KeyScope } from '../keys/key.types';

/** `new_keys`: writes are checked; `all_keys`: resolve also refuses non-compliant keys. */
export type KeyPolicyEnforcement = 'new_keys' | 'all_keys';

/** What a confirmed leak report does to a key: disable it, revoke it, or only notify. */
export type LeakedKeyAction = 'disable' | 'revoke' | 'notify';

/** An org's rules for its keys (SPEC §9). */
export interface KeyPolicy {
  readonly org_id: string;
  /** Longest a key's secret may live (creation or last rotation to expiry); null: no cap. */
  readonly max_lifetime_days: number | null;
  readonly require_limit: boolean;
  /** null: any scope. */
  readonly allowed_scopes: readonly KeyScope[] | null;
  readonly require_ip_allowlist: boolean;
  readonly enforcement: KeyPolicyEnforcement;
  /** What a confirmed leak report does to the org's keys; null: the deployment's default. */
  readonly leaked_key_action: LeakedKeyAction | null;
  /** Alert thresholds of new org keys that name none. */
  readonly default_alert_thresholds: readonly number[];
  /** When it was last set; null: never. */
  readonly updated_at: string | null;
}

/** The fields of KeyPolicy. */
export const KEY_POLICY_FIELDS: FieldList<KeyPolicy> = {
  org_id: 'required',
  max_lifetime_days: 'required',
  require_limit: 'required',
  allowed_scopes: 'required',
  require_ip_allowlist: 'required',
  enforcement: 'required',
  leaked_key_action: 'required',
  default_alert_thresholds: 'required',
  updated_at: 'required',
};

/** Body of `PUT /api/v1/orgs/{org_id}/key-policy`: the whole policy (omitted: no rule) and why. */
export interface SetKeyPolicyRequest {
  readonly max_lifetime_days?: number | null;
  readonly require_limit?: boolean;
  readonly allowed_scopes?: readonly KeyScope[] | null;
  readonly require_ip_allowlist?: boolean;
  readonly enforcement?: KeyPolicyEnforcement;
  readonly leaked_key_action?: LeakedKeyAction | null;
  readonly default_alert_thresholds?: readonly number[];
  /** Kept in the audit trail. */
  readonly reason: string;
}

/** The fields of SetKeyPolicyRequest. */
export const SET_KEY_POLICY_FIELDS: FieldList<SetKeyPolicyRequest> = {
  max_lifetime_days: 'optional',
  require_limit: 'optional',
  allowed_scopes: 'optional',
  require_ip_allowlist: 'optional',
  enforcement: 'optional',
  leaked_key_action: 'optional',
  default_alert_thresholds: 'optional',
  reason: 'required',
};
