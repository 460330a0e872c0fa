import {
  FieldError,
  KeyPolicy,
  KeyPolicyEnforcement,
  LeakedKeyAction,
  SetKeyPolicyRequest,
} from '@keyledger/client';

/** A key policy as its form holds it: the lifetime as typed ('' for no cap), and why it changes. */
export interface PolicyDraft {
  readonly maxLifetimeDays: string;
  readonly requireLimit: boolean;
  /** Whether only `allowedScopes` are allowed; off: any scope. */
  readonly restrictScopes: boolean;
  readonly allowedScopes: readonly string[];
  readonly requireIpAllowlist: boolean;
  readonly enforcement: KeyPolicyEnforcement;
  /** null: the deployment's LEAKED_KEY_ACTION. */
  readonly leakedKeyAction: LeakedKeyAction | null;
  /** Kept as the policy has it (the form does not edit it): a PUT replaces the whole policy. */
  readonly defaultAlertThresholds: readonly number[];
  readonly reason: string;
}

/** The form's start: the policy as it is, with no reason yet. */
export const policyDraft = (policy: KeyPolicy): PolicyDraft => ({
  maxLifetimeDays: policy.max_lifetime_days === null ? '' : String(policy.max_lifetime_days),
  requireLimit: policy.require_limit,
  restrictScopes: policy.allowed_scopes !== null,
  allowedScopes: policy.allowed_scopes ?? [],
  requireIpAllowlist: policy.require_ip_allowlist,
  enforcement: policy.enforcement,
  leakedKeyAction: policy.leaked_key_action,
  defaultAlertThresholds: policy.default_alert_thresholds,
  reason: '',
});

/**
 * The PUT body for a draft: the whole policy, as the route replaces it. The lifetime goes as
 * typed (a number, or null when blank): the service checks its range and says so per field.
 */
export const policyRequest = (draft: PolicyDraft): SetKeyPolicyRequest => ({
  max_lifetime_days: draft.maxLifetimeDays.trim() === '' ? null : Number(draft.maxLifetimeDays),
  require_limit: draft.requireLimit,
  allowed_scopes: draft.restrictScopes ? draft.allowedScopes : null,
  require_ip_allowlist: draft.requireIpAllowlist,
  enforcement: draft.enforcement,
  // Sent as it is: the PUT replaces the whole policy, and a left-out action would reset it.
  leaked_key_action: draft.leakedKeyAction,
  default_alert_thresholds: draft.defaultAlertThresholds,
  reason: draft.reason.trim(),
});

/**
 * What keeps a draft from being sent: a lifetime that is not a number at all would go as null,
 * "no cap", and silently lift the rule. Its range is the service's to check (and say so).
 */
export const policyProblems = (draft: PolicyDraft): readonly FieldError[] =>
  draft.maxLifetimeDays.trim() === '' || Number.isFinite(Number(draft.maxLifetimeDays))
    ? []
    : [{ field: 'max_lifetime_days', message: 'must be a number of days, or empty for no cap' }];

/** What each enforcement means for the org's keys. */
export const ENFORCEMENT_TEXT: Readonly<Record<KeyPolicyEnforcement, string>> = {
  new_keys: 'New keys: creates, updates and rotations are checked; existing keys keep working.',
  all_keys:
    'All keys: writes are checked, and existing keys that break the policy are refused at resolve.',
};

/** What a confirmed leak report does to a key, by action; null: the deployment decides. */
export const LEAKED_KEY_ACTION_TEXT: Readonly<Record<LeakedKeyAction | 'default', string>> = {
  default: "the deployment's default (LEAKED_KEY_ACTION)",
  disable: 'disable the key',
  revoke: 'revoke the key',
  notify: 'only record it and send the webhook',
};

/** The policy in words, rule by rule, for the page's summary. */
export function policyRules(policy: KeyPolicy): readonly { label: string; value: string }[] {
  return [
    {
      label: 'Maximum lifetime',
      value:
        policy.max_lifetime_days === null
          ? 'no cap'
          : `${policy.max_lifetime_days} day${policy.max_lifetime_days === 1 ? '' : 's'} from the secret's issue`,
    },
    { label: 'Credit limit', value: policy.require_limit ? 'required' : 'not required' },
    {
      label: 'Scopes',
      value:
        policy.allowed_scopes === null
          ? 'any'
          : policy.allowed_scopes.length === 0
            ? 'none allowed'
            : `only ${policy.allowed_scopes.join(', ')}`,
    },
    { label: 'IP allowlist', value: policy.require_ip_allowlist ? 'required' : 'not required' },
    { label: 'Enforcement', value: ENFORCEMENT_TEXT[policy.enforcement] },
    {
      label: 'Leaked keys',
      value: LEAKED_KEY_ACTION_TEXT[policy.leaked_key_action ?? 'default'],
    },
  ];
}
