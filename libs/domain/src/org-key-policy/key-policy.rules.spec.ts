import { given } from '../testing';
import { CreateKey, KeyCommand } from '../keys/key.commands';
import { keyDecider } from '../keys/key.decider';
import { KeyCreated, KeyEvent } from '../keys/key.events';
import { orgKeyCreated } from '../testing';
import { DomainError } from '../shared/domain-error';
import { NO_KEY_POLICY, OrgKeyPolicy } from './org-key-policy';

const t0 = '2026-01-01T00:00:00.000Z';
const now = '2026-01-10T00:00:00.000Z';
const days = (from: string, n: number) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

const policy = (rules: Partial<OrgKeyPolicy>): OrgKeyPolicy => ({ ...NO_KEY_POLICY, ...rules });
const create = (rules: Partial<OrgKeyPolicy>, overrides: Partial<CreateKey> = {}): CreateKey => ({
  type: 'CreateKey',
  key_id: 'k1',
  hash: 'h1',
  label: 'rk_0123…cdef',
  name: 'ci',
  org_id: 'org_1',
  active_org_id: 'org_1',
  creator_orgs: [{ id: 'org_1', permissions: ['manageApiKeys'] }],
  owner_user_id: 'u1',
  plan_tier: null,
  org_key_policy: { org_id: 'org_1', policy: policy(rules) },
  now: t0,
  ...overrides,
});
const orgKey = (overrides: Partial<KeyCreated['data']> = {}): KeyCreated =>
  orgKeyCreated({ created_at: t0, ...overrides });
const conform = (rules: Partial<OrgKeyPolicy>, expiry_named = false, at = now): KeyCommand => ({
  type: 'ConformToKeyPolicy',
  policy: policy(rules),
  expiry_named,
  now: at,
});

/** Decides the commands in order, as one write does, and returns all their events. */
function decideAll(history: readonly KeyEvent[], commands: readonly KeyCommand[]): KeyEvent[] {
  let state = history.reduce(keyDecider.evolve, keyDecider.initialState);
  const events: KeyEvent[] = [];
  for (const command of commands) {
    const decided = keyDecider.decide(command, state);
    state = decided.reduce(keyDecider.evolve, state);
    events.push(...decided);
  }
  return events;
}

/** The rules a refused decision names, in rule order. */
function brokenRules(decide: () => unknown): string[] {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'policy_violation')
      return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected a policy_violation');
}

describe('org key policy rules on create', () => {
  const none = () => given(keyDecider, []);

  it('given max_lifetime_days, when expires_at is omitted, then the key expires at the maximum', () => {
    const [event] = keyDecider.decide(create({ max_lifetime_days: 90 }), keyDecider.initialState);
    expect(event).toMatchObject({ type: 'KeyCreated', data: { expires_at: days(t0, 90) } });
  });

  it('given max_lifetime_days, when expires_at is within it, then it is kept', () => {
    const [event] = keyDecider.decide(
      create({ max_lifetime_days: 90 }, { expires_at: days(t0, 90) }),
      keyDecider.initialState,
    );
    expect(event).toMatchObject({ data: { expires_at: days(t0, 90) } });
  });

  it.each([
    ['beyond the maximum', days(t0, 91)],
    ['null (never)', null],
  ])(
    'given max_lifetime_days, when expires_at is %s, then policy_violation names it',
    (_, expires_at) => {
      none()
        .when(create({ max_lifetime_days: 90 }, { expires_at }))
        .thenFails('policy_violation', 'max_lifetime_days');
    },
  );

  it('given require_limit, when the key has no limit, then policy_violation; with one it passes', () => {
    none()
      .when(create({ require_limit: true }))
      .thenFails('policy_violation', 'require_limit');
    expect(
      keyDecider.decide(create({ require_limit: true }, { limit: 5 }), keyDecider.initialState),
    ).toHaveLength(1);
  });

  it('given allowed_scopes, when the key carries another scope, then policy_violation', () => {
    none()
      .when(create({ allowed_scopes: ['completions'] }, { scopes: ['completions', 'billing'] }))
      .thenFails('policy_violation', 'allowed_scopes');
    // The default scopes (completions, skills) are checked too.
    none()
      .when(create({ allowed_scopes: ['completions'] }))
      .thenFails('policy_violation', 'allowed_scopes');
    expect(
      keyDecider.decide(
        create({ allowed_scopes: ['completions'] }, { scopes: ['completions'] }),
        keyDecider.initialState,
      ),
    ).toHaveLength(1);
  });

  it('given require_ip_allowlist, when the key has none, then policy_violation; with one it passes', () => {
    none()
      .when(create({ require_ip_allowlist: true }))
      .thenFails('policy_violation', 'require_ip_allowlist');
    const [event] = keyDecider.decide(
      create({ require_ip_allowlist: true }, { allowed_ips: ['203.0.113.0/24'] }),
      keyDecider.initialState,
    );
    expect(event).toMatchObject({ data: { allowed_ips: ['203.0.113.0/24'] } });
  });

  it('names every broken rule at once', () => {
    const strict = {
      max_lifetime_days: 30,
      require_limit: true,
      allowed_scopes: ['completions'],
      require_ip_allowlist: true,
    };
    expect(
      brokenRules(() =>
        keyDecider.decide(create(strict, { expires_at: null }), keyDecider.initialState),
      ),
    ).toEqual(['max_lifetime_days', 'require_limit', 'allowed_scopes', 'require_ip_allowlist']);
  });

  it('reports invalid input before policy: a malformed body is validation_failed', () => {
    none()
      .when(create({ require_limit: true }, { name: '' }))
      .thenFails('validation_failed', 'name');
  });

  it("applies only to org keys of the policy's org", () => {
    const personal = create({ require_limit: true }, { scope: 'personal', org_id: undefined });
    expect(keyDecider.decide(personal, keyDecider.initialState)).toHaveLength(1);
    const elsewhere = create(
      { require_limit: true },
      { org_id: 'org_2', creator_orgs: [{ id: 'org_2', permissions: ['manageApiKeys'] }] },
    );
    expect(keyDecider.decide(elsewhere, keyDecider.initialState)).toHaveLength(1);
  });
});

describe('org key policy rules on update and rotation (ConformToKeyPolicy last)', () => {
  it('given a compliant key, when an update keeps it compliant, then only the update is written', () => {
    const events = decideAll(
      [orgKey({ limit: 5 })],
      [{ type: 'RenameKey', name: 'prod', now }, conform({ require_limit: true })],
    );
    expect(events.map((e) => e.type)).toEqual(['KeyRenamed']);
  });

  it('given require_limit, when an update removes the limit, then policy_violation', () => {
    expect(
      brokenRules(() =>
        decideAll(
          [orgKey({ limit: 5 })],
          [{ type: 'SetKeyLimit', limit: null, now }, conform({ require_limit: true })],
        ),
      ),
    ).toEqual(['require_limit']);
  });

  it('given require_ip_allowlist, when an update lifts the allowlist, then policy_violation', () => {
    expect(
      brokenRules(() =>
        decideAll(
          [orgKey({ allowed_ips: ['10.0.0.0/8'] })],
          [
            { type: 'SetKeyIpAllowlist', allowed_ips: [], now },
            conform({ require_ip_allowlist: true }),
          ],
        ),
      ),
    ).toEqual(['require_ip_allowlist']);
  });

  it('given max_lifetime_days and a key without expiry, when an update does not name it, then the expiry becomes the maximum', () => {
    const events = decideAll(
      [orgKey()],
      [{ type: 'RenameKey', name: 'prod', now }, conform({ max_lifetime_days: 90 })],
    );
    expect(events).toEqual([
      {
        type: 'KeyRenamed',
        data: { key_id: 'k1', name: 'prod', previous_name: 'ci', renamed_at: now },
      },
      { type: 'KeyExpirySet', data: { key_id: 'k1', expires_at: days(t0, 90), changed_at: now } },
    ]);
  });

  it('given max_lifetime_days, when an update moves the expiry past it, then policy_violation', () => {
    expect(
      brokenRules(() =>
        decideAll(
          [orgKey({ expires_at: days(t0, 30) })],
          [
            { type: 'SetKeyExpiry', expires_at: days(t0, 120), now },
            conform({ max_lifetime_days: 90 }, true),
          ],
        ),
      ),
    ).toEqual(['max_lifetime_days']);
  });

  it('given max_lifetime_days, when a named expiry is null, then policy_violation (never filled in)', () => {
    expect(
      brokenRules(() =>
        decideAll(
          [orgKey({ expires_at: days(t0, 30) })],
          [
            { type: 'SetKeyExpiry', expires_at: null, now },
            conform({ max_lifetime_days: 90 }, true),
          ],
        ),
      ),
    ).toEqual(['max_lifetime_days']);
  });

  it('given a secret older than max_lifetime_days, when it is updated, then policy_violation until rotated', () => {
    const late = days(t0, 100);
    expect(
      brokenRules(() =>
        decideAll(
          [orgKey()],
          [
            { type: 'RenameKey', name: 'prod', now: late },
            conform({ max_lifetime_days: 90 }, false, late),
          ],
        ),
      ),
    ).toEqual(['max_lifetime_days']);
    // A rotation issues a new secret: its lifetime counts from now.
    const rotated = decideAll(
      [orgKey()],
      [
        { type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now: late },
        conform({ max_lifetime_days: 90 }, false, late),
      ],
    );
    expect(rotated.map((e) => e.type)).toEqual(['KeySecretRotated', 'KeyExpirySet']);
    expect(rotated[1]).toMatchObject({ data: { expires_at: days(late, 90) } });
  });

  it('given a rotated key with an expiry within the maximum, when rotated again, then its expiry is kept', () => {
    const events = decideAll(
      [orgKey({ expires_at: days(t0, 20) })],
      [
        { type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now },
        conform({ max_lifetime_days: 90 }),
      ],
    );
    expect(events.map((e) => e.type)).toEqual(['KeySecretRotated']);
  });

  it('given allowed_scopes, when a non-compliant key is updated, then policy_violation names the scope', () => {
    const history = [orgKey({ scopes: ['completions', 'billing'] })];
    let message = '';
    try {
      decideAll(history, [
        { type: 'RenameKey', name: 'x', now },
        conform({ allowed_scopes: ['completions'] }),
      ]);
    } catch (error) {
      message = (error as DomainError).fields[0].message;
    }
    expect(message).toContain('billing');
  });
});
