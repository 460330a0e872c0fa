import { KeyPolicy } from '@keyledger/client';
import { policyDraft, policyProblems, policyRequest, policyRules } from './policy-draft';

const OPEN: KeyPolicy = {
  org_id: 'org_1',
  max_lifetime_days: null,
  require_limit: false,
  allowed_scopes: null,
  require_ip_allowlist: false,
  enforcement: 'new_keys',
  leaked_key_action: null,
  default_alert_thresholds: [],
  updated_at: null,
};

const STRICT: KeyPolicy = {
  ...OPEN,
  max_lifetime_days: 90,
  require_limit: true,
  allowed_scopes: ['completions'],
  require_ip_allowlist: true,
  enforcement: 'all_keys',
  leaked_key_action: 'revoke',
  default_alert_thresholds: [80, 100],
  updated_at: '2026-12-01T10:00:00.000Z',
};

describe('the key policy form draft', () => {
  it.each([
    ['an open policy', OPEN],
    ['a strict one', STRICT],
  ])('sends %s back unchanged, with the reason trimmed', (_, policy) => {
    expect(policyRequest({ ...policyDraft(policy), reason: '  SOC 2  ' })).toEqual({
      max_lifetime_days: policy.max_lifetime_days,
      require_limit: policy.require_limit,
      allowed_scopes: policy.allowed_scopes,
      require_ip_allowlist: policy.require_ip_allowlist,
      enforcement: policy.enforcement,
      leaked_key_action: policy.leaked_key_action,
      // Not on the form, but kept: the PUT replaces the whole policy.
      default_alert_thresholds: policy.default_alert_thresholds,
      reason: 'SOC 2',
    });
  });

  it('sends a blank lifetime as no cap, and a typed one as the number the service checks', () => {
    const draft = policyDraft(STRICT);
    expect(policyRequest({ ...draft, maxLifetimeDays: ' ' }).max_lifetime_days).toBeNull();
    expect(policyRequest({ ...draft, maxLifetimeDays: '0' }).max_lifetime_days).toBe(0);
  });

  it('keeps a lifetime that is no number from being sent as "no cap"', () => {
    const draft = policyDraft(STRICT);
    expect(policyProblems({ ...draft, maxLifetimeDays: '90 days' })).toEqual([
      { field: 'max_lifetime_days', message: expect.stringMatching(/^must be a number/) },
    ]);
    expect(policyProblems({ ...draft, maxLifetimeDays: '' })).toEqual([]);
    // Out of range is for the service to refuse, field by field.
    expect(policyProblems({ ...draft, maxLifetimeDays: '0' })).toEqual([]);
  });

  it('allows any scope once the restriction is off, whatever scopes stay ticked', () => {
    const draft = { ...policyDraft(STRICT), restrictScopes: false };
    expect(policyRequest(draft).allowed_scopes).toBeNull();
    expect(
      policyRequest({ ...draft, restrictScopes: true, allowedScopes: [] }).allowed_scopes,
    ).toEqual([]);
  });

  it('sends the leaked-key action back, so that a save never resets it', () => {
    const draft = policyDraft(STRICT);
    expect(policyRequest(draft).leaked_key_action).toBe('revoke');
    expect(policyRequest({ ...draft, leakedKeyAction: null }).leaked_key_action).toBeNull();
  });

  it('says each rule in words', () => {
    expect(policyRules(STRICT).map((rule) => rule.value)).toEqual([
      "90 days from the secret's issue",
      'required',
      'only completions',
      'required',
      expect.stringMatching(/^All keys: .*refused at resolve/),
      'revoke the key',
    ]);
    expect(policyRules(OPEN).at(-1)?.value).toMatch(/deployment's default/);
    expect(
      policyRules(OPEN)
        .slice(0, 4)
        .map((rule) => rule.value),
    ).toEqual(['no cap', 'not required', 'any', 'not required']);
  });
});
