import { OrgKeyPolicy, policyViolations } from '@keyledger/domain';
import { GovernedKey, isLive, KeyRow, keyRow } from './governed-key';

/** One rule of its org's key policy that a key breaks. */
export interface PolicyViolationRow extends KeyRow {
  /** The policy field the rule comes from (`max_lifetime_days`, `require_limit`, …). */
  readonly rule: string;
  readonly reason: string;
}

/** An org's current key policy. */
export type OrgPolicyLookup = (orgId: string) => Promise<OrgKeyPolicy>;

/**
 * Live org keys that break their org's current key policy, one row per broken rule, in input
 * order. Under `new_keys` they still work until their next update; under `all_keys` resolve
 * already refuses them. Each org's policy is looked up once.
 */
export async function* keysViolatingPolicy(
  keys: AsyncIterable<GovernedKey>,
  policyOf: OrgPolicyLookup,
  now: Date,
): AsyncGenerator<PolicyViolationRow> {
  const policies = new Map<string, Promise<OrgKeyPolicy>>();
  for await (const key of keys) {
    if (key.scope !== 'org' || key.org_id === null || !isLive(key, now)) continue;
    const orgId = key.org_id;
    if (!policies.has(orgId)) policies.set(orgId, policyOf(orgId));
    const policy = await (policies.get(orgId) as Promise<OrgKeyPolicy>);
    const broken = policyViolations(policy, {
      scopes: key.scopes,
      limit: key.limit,
      allowed_ips: key.allowed_ips,
      expires_at: key.expires_at === null ? null : Date.parse(key.expires_at),
      issued_at: Date.parse(key.secret_issued_at),
    });
    for (const { field, message } of broken) {
      yield keyRow(key, now, { rule: field, reason: message });
    }
  }
}
