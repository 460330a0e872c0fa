import { createKey } from '../routing-preferences/routing-world';
import { eventually, resolve } from '../resolution/resolution-support';
import { expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { startWebhookWorld, subscribe, until, WebhookWorld } from '../webhooks/webhook-world';

const POLICY = '/api/v1/orgs/org_a/key-policy';
const DAY_MS = 86_400_000;

type PolicyBody = Record<string, unknown> & { data: Record<string, unknown> };
const fields = (exchange: { body: Record<string, unknown> }): string[] =>
  ((exchange.body.error as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);

/** Org key policies over HTTP: the routes, the checks on key writes, resolve, audit, webhook, report. */
describe('org key policies', () => {
  let world: WebhookWorld;

  beforeAll(async () => {
    world = await startWebhookWorld();
  });
  afterAll(() => world.close());

  const setPolicy = (body: Record<string, unknown>, client = world.alice, headers = {}) =>
    client.send<PolicyBody>('PUT', POLICY, { reason: 'SOC 2 controls', ...body }, headers);
  const clearPolicy = () => setPolicy({});

  describe('GET and PUT /api/v1/orgs/{org_id}/key-policy', () => {
    afterAll(clearPolicy);

    it('reads as no rule before one is set, for any member, and 404 for others', async () => {
      const read = await world.dave.get<PolicyBody>(POLICY);
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual({
        org_id: 'org_a',
        max_lifetime_days: null,
        require_limit: false,
        allowed_scopes: null,
        require_ip_allowlist: false,
        enforcement: 'new_keys',
        leaked_key_action: null,
        default_alert_thresholds: [],
        updated_at: null,
      });
      expectError(await world.bob.get(POLICY), 404, 'not_found');
      expectError(await world.anonymous.get(POLICY), 401, 'authentication_required');
    });

    it('is set by a manageApiKeys holder with a reason, with an ETag that If-Match checks', async () => {
      expectError(await setPolicy({ require_limit: true }, world.dave), 403, 'forbidden');
      expectError(await setPolicy({ require_limit: true }, world.bob), 404, 'not_found');
      const noReason = await world.alice.send('PUT', POLICY, { require_limit: true });
      expectError(noReason, 400, 'validation_failed');
      expect(fields(noReason)).toContain('reason');
      expectError(await setPolicy({ max_lifetime_days: 0 }), 400, 'validation_failed');
      expectError(await setPolicy({ enforcement: 'sometimes' }), 400, 'validation_failed');
      expectError(await setPolicy({ leaked_key_action: 'shrug' }), 400, 'validation_failed');

      const set = await setPolicy({ require_limit: true, max_lifetime_days: 90 });
      expect(set.status).toBe(200);
      expect(set.body.data).toMatchObject({ require_limit: true, max_lifetime_days: 90 });
      const etag = set.headers.get('etag') as string;
      expect(etag).toMatch(/^"\d+"$/);
      const read = await world.carol.get<PolicyBody>(POLICY);
      expect(read.headers.get('etag')).toBe(etag);
      expect(read.body.data.updated_at).toEqual(expect.any(String));

      const fresh = await setPolicy({}, world.carol, { 'if-match': etag });
      expect(fresh.status).toBe(200);
      const stale = await setPolicy({ require_limit: false }, world.alice, { 'if-match': etag });
      expectError(stale, 412, 'precondition_failed');
    });
  });

  describe('checks on create, update and rotate', () => {
    beforeAll(() =>
      setPolicy({
        max_lifetime_days: 30,
        require_limit: true,
        allowed_scopes: ['completions', 'skills'],
        require_ip_allowlist: true,
      }),
    );
    afterAll(clearPolicy);

    const compliant = { scope: 'org' as const, limit: 10, allowed_ips: ['203.0.113.0/24'] };

    it('refuses a key that breaks rules with 400 policy_violation naming each, and writes nothing', async () => {
      const before = world.events();
      const refused = await world.alice.send('POST', '/api/v1/keys', {
        name: 'loose',
        scope: 'org',
        scopes: ['completions', 'billing'],
        expires_at: new Date(Date.now() + 60 * DAY_MS).toISOString(),
      });
      expectError(refused, 400, 'policy_violation');
      expect(fields(refused)).toEqual([
        'max_lifetime_days',
        'require_limit',
        'allowed_scopes',
        'require_ip_allowlist',
      ]);
      expect(world.events()).toBe(before);
    });

    it('gives an omitted expires_at the maximum the policy allows, in the response', async () => {
      const key = await createKey(world.alice, compliant);
      const expiresIn = Date.parse(key.expires_at as string) - Date.parse(key.created_at);
      expect(expiresIn).toBe(30 * DAY_MS);
      // Personal keys are the owner's own: an org's policy does not reach them.
      const personal = await createKey(world.alice, { scope: 'personal' });
      expect(personal.expires_at).toBeNull();
    });

    it('refuses an update that would break a rule, and lets a compliant one through', async () => {
      const key = await createKey(world.alice, compliant);
      const before = world.events();
      const unlimited = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { limit: null });
      expectError(unlimited, 400, 'policy_violation');
      expect(fields(unlimited)).toEqual(['require_limit']);
      const tooLong = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        expires_at: new Date(Date.now() + 40 * DAY_MS).toISOString(),
      });
      expect(fields(tooLong)).toEqual(['max_lifetime_days']);
      const open = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { allowed_ips: [] });
      expect(fields(open)).toEqual(['require_ip_allowlist']);
      expect(world.events()).toBe(before);
      const renamed = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { name: 'ok' });
      expect(renamed.status).toBe(200);
    });

    it('lets a non-compliant key be disabled, and rotates with a fresh maximum expiry', async () => {
      await setPolicy({});
      const old = await createKey(world.alice, { scope: 'org', limit: 10 });
      await setPolicy({ max_lifetime_days: 30, require_limit: true });
      const disabled = await world.alice.send('PATCH', `/api/v1/keys/${old.id}`, {
        disabled: true,
        reason: 'suspected leak',
      });
      expect(disabled.status).toBe(200);
      const rotated = await world.alice.send<{ data: { expires_at: string } }>(
        'POST',
        `/api/v1/keys/${old.id}/rotate`,
        {},
      );
      expect(rotated.status).toBe(200);
      const expiresIn = Date.parse(rotated.body.data.expires_at) - Date.now();
      expect(expiresIn).toBeGreaterThan(29 * DAY_MS);
      expect(expiresIn).toBeLessThanOrEqual(30 * DAY_MS);

      await setPolicy({ require_ip_allowlist: true });
      const refused = await world.alice.send('POST', `/api/v1/keys/${old.id}/rotate`, {});
      expectError(refused, 400, 'policy_violation');
      expect(fields(refused)).toEqual(['require_ip_allowlist']);
    });
  });

  describe('enforcement: all_keys', () => {
    let other: TestApp;

    beforeAll(async () => {
      await clearPolicy();
      other = await startTestApp({ dataDir: world.app.dataDir, env: { WEBHOOKS: 'off' } });
    });
    afterAll(async () => {
      await clearPolicy();
      await other.close({ keepData: true });
    });

    it('refuses existing non-compliant keys at resolve (403), at once here and on another instance as it follows', async () => {
      const loose = await createKey(world.alice, { scope: 'org' });
      const fine = await createKey(world.alice, { scope: 'org', limit: 5 });
      expect((await resolve(world.app.baseUrl, { apiKey: loose.secret })).status).toBe(200);
      expect(
        await eventually(
          async () => (await resolve(other.baseUrl, { apiKey: loose.secret })).status === 200,
        ),
      ).toBe(true);

      await setPolicy({ require_limit: true, enforcement: 'new_keys' });
      expect((await resolve(world.app.baseUrl, { apiKey: loose.secret })).status).toBe(200);

      await setPolicy({ require_limit: true, enforcement: 'all_keys' });
      // The writing instance applied the policy before it answered the PUT.
      expectError(
        await resolve(world.app.baseUrl, { apiKey: loose.secret }),
        403,
        'policy_violation',
      );
      expect((await resolve(world.app.baseUrl, { apiKey: fine.secret })).status).toBe(200);
      // The other instance within the subscription's delay (the revoke-to-refusal bound).
      expect(
        await eventually(
          async () => (await resolve(other.baseUrl, { apiKey: loose.secret })).status === 403,
          2_000,
        ),
      ).toBe(true);

      const report = await world.alice.get<{ data: Record<string, unknown>[] }>(
        '/api/v1/reports/policy-violations?org_id=org_a',
      );
      expect(report.status).toBe(200);
      expect(report.body.data).toContainEqual(
        expect.objectContaining({
          key_id: loose.id,
          rule: 'require_limit',
          reason: expect.any(String),
        }),
      );
      expect(report.body.data.map((row) => row.key_id)).not.toContain(fine.id);
    });
  });

  it('shows in the audit log and is announced as org.key_policy_updated', async () => {
    const { webhook } = await subscribe(world.alice, world.receiver.url, {
      scope: 'org',
      event_types: ['org.key_policy_updated'],
    });
    expect(webhook.event_types).toEqual(['org.key_policy_updated']);
    await setPolicy({ max_lifetime_days: 7 }, world.alice, {});
    await until(async () => world.received().some((r) => r.type === 'org.key_policy_updated'));
    const delivered = world.received().find((r) => r.type === 'org.key_policy_updated');
    expect(JSON.parse(delivered?.body ?? '{}')).toMatchObject({
      type: 'org.key_policy_updated',
      data: { org_id: 'org_a', max_lifetime_days: 7, reason: 'SOC 2 controls' },
    });

    const audit = await world.alice.get<{ data: Record<string, unknown>[] }>(
      '/api/v1/audit?event_type=OrgKeyPolicySet',
    );
    expect(audit.status).toBe(200);
    expect(audit.body.data[0]).toMatchObject({
      event_type: 'OrgKeyPolicySet',
      label: 'Key policy set',
      actor_id: 'alice',
      org_id: 'org_a',
    });
    // Bob administers another org: its policy changes are not his to read.
    const bobs = await world.bob.get<{ data: unknown[] }>(
      '/api/v1/audit?event_type=OrgKeyPolicySet',
    );
    expect(bobs.body.data).toEqual([]);
    await clearPolicy();
  }, 20_000);
});
