import { FieldError } from '../shared/domain-error';
import { OrgKeyPolicy } from './org-key-policy';

const DAY_MS = 86_400_000;

/**
 * What the policy rules look at, with times in epoch ms. The resolution model's key entries
 * carry these fields themselves, so checking a key at request time builds nothing.
 */
export interface PolicySubject {
  readonly scopes: readonly string[];
  readonly limit: number | null;
  /** The key's IP allowlist (empty: none); only its length matters here. */
  readonly allowed_ips: { readonly length: number };
  readonly expires_at: number | null;
  /** When the key's current secret was issued: its creation, or its last rotation. */
  readonly issued_at: number;
}

interface PolicyRule {
  /** The policy field the rule comes from: what `fields` of a policy_violation names. */
  readonly field: keyof OrgKeyPolicy;
  /** Whether the policy asks anything of keys by this rule (no key can break one it does not). */
  readonly set: (policy: OrgKeyPolicy) => boolean;
  readonly broken: (policy: OrgKeyPolicy, key: PolicySubject) => boolean;
  readonly message: (policy: OrgKeyPolicy, key: PolicySubject) => string;
}

/** The latest expiry the policy allows a secret issued at `issuedAt` (epoch ms), or null without a cap. */
export const latestExpiry = (policy: OrgKeyPolicy, issuedAt: number): number | null =>
  policy.max_lifetime_days === null ? null : issuedAt + policy.max_lifetime_days * DAY_MS;

const outsideScopes = (policy: OrgKeyPolicy, key: PolicySubject): readonly string[] =>
  policy.allowed_scopes === null
    ? []
    : key.scopes.filter((scope) => !policy.allowed_scopes?.includes(scope));

function hasScopeOutside(allowed: readonly string[] | null, scopes: readonly string[]): boolean {
  if (allowed === null) return false;
  // A loop, not filter/some: resolve runs this on every request of an `all_keys` org.
  for (let i = 0; i < scopes.length; i++) if (!allowed.includes(scopes[i])) return true;
  return false;
}

/** Every rule of SPEC §9, each named for its policy field. */
const RULES: readonly PolicyRule[] = [
  {
    field: 'max_lifetime_days',
    set: (policy) => policy.max_lifetime_days !== null,
    broken: (policy, key) => {
      const latest = latestExpiry(policy, key.issued_at);
      return latest !== null && (key.expires_at === null || key.expires_at > latest);
    },
    message: (policy, key) =>
      key.expires_at === null
        ? `keys must expire within ${policy.max_lifetime_days} days of their secret's issue; this one never expires`
        : `keys must expire within ${policy.max_lifetime_days} days of their secret's issue (by ${new Date(latestExpiry(policy, key.issued_at) ?? 0).toISOString()})`,
  },
  {
    field: 'require_limit',
    set: (policy) => policy.require_limit,
    broken: (policy, key) => policy.require_limit && key.limit === null,
    message: () => 'keys must have a credit limit',
  },
  {
    field: 'allowed_scopes',
    set: (policy) => policy.allowed_scopes !== null,
    broken: (policy, key) => hasScopeOutside(policy.allowed_scopes, key.scopes),
    message: (policy, key) =>
      `scope(s) ${outsideScopes(policy, key).join(', ')} not allowed; allowed: ${(policy.allowed_scopes ?? []).join(', ')}`,
  },
  {
    field: 'require_ip_allowlist',
    set: (policy) => policy.require_ip_allowlist,
    broken: (policy, key) => policy.require_ip_allowlist && key.allowed_ips.length === 0,
    message: () => 'keys must have an IP allowlist (allowed_ips)',
  },
];

/** Whether the policy sets any rule a key could break: without one, every key complies. */
export const setsKeyRules = (policy: OrgKeyPolicy): boolean =>
  RULES.some((rule) => rule.set(policy));

/** Each rule of the policy the key breaks, named by its policy field, with why. */
export function policyViolations(policy: OrgKeyPolicy, key: PolicySubject): FieldError[] {
  return RULES.filter((rule) => rule.broken(policy, key)).map((rule) => ({
    field: rule.field,
    message: rule.message(policy, key),
  }));
}

/** Whether the key keeps every rule of the policy (allocation-free: the resolve path asks it). */
export function compliesWithPolicy(policy: OrgKeyPolicy, key: PolicySubject): boolean {
  for (let i = 0; i < RULES.length; i++) if (RULES[i].broken(policy, key)) return false;
  return true;
}
