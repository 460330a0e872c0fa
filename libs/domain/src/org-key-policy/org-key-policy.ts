import { isKeyScope, KEY_SCOPES } from '../keys/key-scopes';
import { isLeakedKeyAction, LEAKED_KEY_ACTIONS, LeakedKeyAction } from '../keys/key-leak';
import { checkAlertThresholds } from '../alerts/alert-thresholds';
import { FieldErrors } from '../shared/validation';

/** `new_keys`: only creates, updates and rotations are checked; `all_keys`: resolve refuses non-compliant keys too. */
export const KEY_POLICY_ENFORCEMENTS = ['new_keys', 'all_keys'] as const;
/** One of KEY_POLICY_ENFORCEMENTS. */
export type KeyPolicyEnforcement = (typeof KEY_POLICY_ENFORCEMENTS)[number];

/** The rules an org sets for its keys (SPEC §9). */
export interface OrgKeyPolicy {
  /** Longest a key's secret may live, from its issue (creation or last rotation); null: no cap. */
  readonly max_lifetime_days: number | null;
  readonly require_limit: boolean;
  /** Scopes an org key may carry; null: any. */
  readonly allowed_scopes: readonly string[] | null;
  readonly require_ip_allowlist: boolean;
  readonly enforcement: KeyPolicyEnforcement;
  /** What a confirmed leak report does to the org's keys; null: the deployment's LEAKED_KEY_ACTION. */
  readonly leaked_key_action: LeakedKeyAction | null;
  /** Alert thresholds of new org keys that name none (policies set before it existed lack it: none). */
  readonly default_alert_thresholds?: readonly number[];
}

/** The policy of an org that never set one: no rule. */
export const NO_KEY_POLICY: OrgKeyPolicy = {
  max_lifetime_days: null,
  require_limit: false,
  allowed_scopes: null,
  require_ip_allowlist: false,
  enforcement: 'new_keys',
  leaked_key_action: null,
  default_alert_thresholds: [],
};

/** Longest `max_lifetime_days` (ten years). */
export const MAX_LIFETIME_DAYS = 3650;

/** A policy as a PUT body gives it: fields left out take NO_KEY_POLICY's value. */
export type OrgKeyPolicyInput = { readonly [F in keyof OrgKeyPolicy]?: unknown };

/**
 * The whole policy (a PUT replaces it); records errors on each field that is not: an integer of
 * 1–3650 or null, a boolean, null or a list of known distinct scopes, a boolean, `new_keys` or
 * `all_keys`, null or a leaked-key action.
 */
export function checkOrgKeyPolicy(errors: FieldErrors, input: OrgKeyPolicyInput): OrgKeyPolicy {
  const policy = { ...NO_KEY_POLICY, ...definedFields(input) } as Record<
    keyof OrgKeyPolicy,
    unknown
  >;
  const days = policy.max_lifetime_days;
  if (
    days !== null &&
    !(Number.isInteger(days) && (days as number) >= 1 && (days as number) <= MAX_LIFETIME_DAYS)
  ) {
    errors.add(
      'max_lifetime_days',
      `must be a whole number of days from 1 to ${MAX_LIFETIME_DAYS}, or null`,
    );
  }
  if (typeof policy.require_limit !== 'boolean')
    errors.add('require_limit', 'must be true or false');
  if (typeof policy.require_ip_allowlist !== 'boolean') {
    errors.add('require_ip_allowlist', 'must be true or false');
  }
  const scopes = policy.allowed_scopes;
  if (scopes !== null) {
    const valid =
      Array.isArray(scopes) &&
      scopes.length > 0 &&
      scopes.every(isKeyScope) &&
      new Set(scopes).size === scopes.length;
    if (!valid) {
      errors.add(
        'allowed_scopes',
        `must be null or a non-empty list of distinct scopes from ${KEY_SCOPES.join(', ')}`,
      );
    }
  }
  if (!(KEY_POLICY_ENFORCEMENTS as readonly unknown[]).includes(policy.enforcement)) {
    errors.add('enforcement', `must be one of ${KEY_POLICY_ENFORCEMENTS.join(', ')}`);
  }
  if (policy.leaked_key_action !== null && !isLeakedKeyAction(policy.leaked_key_action)) {
    errors.add('leaked_key_action', `must be null or one of ${LEAKED_KEY_ACTIONS.join(', ')}`);
  }
  const thresholds = checkAlertThresholds(
    errors,
    policy.default_alert_thresholds,
    'default_alert_thresholds',
  );
  return { ...policy, default_alert_thresholds: thresholds } as unknown as OrgKeyPolicy;
}

function definedFields(input: OrgKeyPolicyInput): Partial<Record<keyof OrgKeyPolicy, unknown>> {
  return Object.fromEntries(
    (Object.keys(NO_KEY_POLICY) as (keyof OrgKeyPolicy)[])
      .filter((field) => input[field] !== undefined)
      .map((field) => [field, input[field]]),
  );
}
