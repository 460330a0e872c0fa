import { given } from '../testing';
import { NO_KEY_POLICY, OrgKeyPolicy, OrgKeyPolicyInput } from './org-key-policy';
import { orgKeyPolicyDecider, SetOrgKeyPolicy } from './org-key-policy.decider';
import { OrgKeyPolicySet } from './org-key-policy.events';

const now = '2026-11-24T08:00:00.000Z';
const strict: OrgKeyPolicy = {
  max_lifetime_days: 90,
  require_limit: true,
  allowed_scopes: ['completions'],
  require_ip_allowlist: true,
  enforcement: 'all_keys',
  leaked_key_action: 'revoke',
  default_alert_thresholds: [80, 100],
};
const set = (policy: OrgKeyPolicyInput, reason: unknown = 'SOC 2'): SetOrgKeyPolicy => ({
  type: 'SetOrgKeyPolicy',
  org_id: 'org_1',
  policy,
  reason,
  now,
});
const policySet = (policy: OrgKeyPolicy, reason = 'SOC 2'): OrgKeyPolicySet => ({
  type: 'OrgKeyPolicySet',
  data: { org_id: 'org_1', ...policy, reason, set_at: now },
});
const org = (...history: OrgKeyPolicySet[]) => given(orgKeyPolicyDecider, history);

describe('the org key policy decider', () => {
  it('refuses an unknown leaked-key action', () => {
    org()
      .when(set({ leaked_key_action: 'shrug' }))
      .thenFails('validation_failed', 'leaked_key_action');
  });

  it('reads a policy set before leaked-key actions as leaving them to the deployment', () => {
    const older = { ...policySet(strict), data: { ...policySet(strict).data } };
    delete (older.data as { leaked_key_action?: unknown }).leaked_key_action;
    const state = org(older).state;
    expect(state.policy).toEqual({ ...strict, leaked_key_action: null });
  });

  it('given no policy, when one is set, then OrgKeyPolicySet holds the whole policy and the reason', () => {
    org()
      .when(set(strict))
      .then([policySet(strict)]);
  });

  it('given no policy, when one names only some rules, then the others are off', () => {
    org()
      .when(set({ require_limit: true }))
      .then([policySet({ ...NO_KEY_POLICY, require_limit: true })]);
  });

  it('given a policy, when the same one is set again, then nothing is written', () => {
    org(policySet(strict)).when(set(strict, 'again')).then([]);
  });

  it('given a policy, when a new one is set, then it replaces the old one whole', () => {
    org(policySet(strict))
      .when(set({ max_lifetime_days: 30 }))
      .then([policySet({ ...NO_KEY_POLICY, max_lifetime_days: 30 })]);
  });

  it.each([
    ['max_lifetime_days', { max_lifetime_days: 0 }],
    ['max_lifetime_days', { max_lifetime_days: 3651 }],
    ['max_lifetime_days', { max_lifetime_days: 1.5 }],
    ['require_limit', { require_limit: 'yes' }],
    ['allowed_scopes', { allowed_scopes: [] }],
    ['allowed_scopes', { allowed_scopes: ['completions', 'completions'] }],
    ['allowed_scopes', { allowed_scopes: ['root'] }],
    ['require_ip_allowlist', { require_ip_allowlist: 1 }],
    ['enforcement', { enforcement: 'some_keys' }],
    ['default_alert_thresholds', { default_alert_thresholds: [0] }],
  ])('when %s is invalid, then validation_failed names it', (field, policy) => {
    org().when(set(policy)).thenFails('validation_failed', field);
  });

  it('when no reason is given, then validation_failed names reason', () => {
    org().when(set(strict, '  ')).thenFails('validation_failed', 'reason');
  });

  it("folds the org stream's other events (default preferences) without changing the policy", () => {
    const state = orgKeyPolicyDecider.evolve(org(policySet(strict)).state, {
      type: 'DefaultPreferenceSet',
      data: {},
    } as unknown as OrgKeyPolicySet);
    expect(state).toEqual({ policy: strict, set_at: now });
  });
});
