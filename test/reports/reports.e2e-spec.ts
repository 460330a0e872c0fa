import { Exchange, expectError } from '../support/http';
import {
  change,
  Client,
  createKey,
  CreatedKey,
  documentedStatuses,
  failedFields,
  GovernanceWorld,
  startGovernanceWorld,
} from '../audit/governance-world';

type Row = Record<string, string | number | boolean | null>;
type ReportAnswer = {
  report: string;
  title: string;
  generated_at: string;
  columns: string[];
  data: Row[];
};

jest.setTimeout(30_000);

const DAY_MS = 86_400_000;

/**
 * A known set of keys and events. org_a (alice, carol: manageApiKeys; dave: member):
 *   unlimited  alice  no limit, no expiry, last used 40 days ago
 *   nearly     alice  limit 10 (never resets), expires in 30 days, 9 credits used
 *   over       alice  limit 5 daily, disabled, 6 credits used today
 *   gone       alice  revoked by alice: "offboarding"
 *   lapsed     alice  expired
 *   carols     carol  limit 100 monthly
 * alice's personal key `laptop` (no limit, no expiry); org_b: bob's key, revoked by bob.
 */
describe('governance reports over HTTP', () => {
  let world: GovernanceWorld;
  const keys: Record<string, CreatedKey> = {};

  beforeAll(async () => {
    world = await startGovernanceWorld();
    const { alice, carol, bob } = world;
    const now = Date.now();
    const org = { org_id: 'org_a' };
    keys.unlimited = await createKey(alice, { ...org, name: 'unlimited' });
    keys.nearly = await createKey(alice, {
      ...org,
      name: 'nearly',
      limit: 10,
      expires_at: new Date(now + 30 * DAY_MS).toISOString(),
    });
    keys.over = await createKey(alice, { ...org, name: 'over', limit: 5, limit_reset: 'daily' });
    keys.gone = await createKey(alice, { ...org, name: 'gone' });
    keys.lapsed = await createKey(alice, {
      ...org,
      name: 'lapsed',
      expires_at: new Date(now + 1_500).toISOString(),
    });
    keys.carols = await createKey(carol, {
      ...org,
      name: 'carols',
      limit: 100,
      limit_reset: 'monthly',
    });
    keys.laptop = await createKey(alice, { name: 'laptop' });
    keys.bobs = await createKey(bob, { org_id: 'org_b', name: 'bobs' });
    await change(alice, 'PATCH', `/api/v1/keys/${keys.over.id}`, {
      disabled: true,
      reason: 'suspicious',
    });
    await change(alice, 'DELETE', `/api/v1/keys/${keys.gone.id}?reason=offboarding`);
    await change(bob, 'DELETE', `/api/v1/keys/${keys.bobs.id}?reason=bob-rotation`);
    await world.recordUsage(keys.unlimited.id, 1, new Date(now - 40 * DAY_MS));
    await world.recordUsage(keys.nearly.id, 9, new Date(now));
    await world.recordUsage(keys.over.id, 6, new Date(now));
    // Let `lapsed` expire.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, now + 1_600 - Date.now())));
  });
  afterAll(() => world.app.close());

  const report = (client: Client, name: string, query = '') =>
    client.get<ReportAnswer>(`/api/v1/reports/${name}${query ? `?${query}` : ''}`);
  const names = (exchange: Exchange<ReportAnswer>) => {
    const byId = new Map(Object.entries(keys).map(([name, key]) => [key.id, name]));
    return exchange.body.data.map((row) => byId.get(String(row.key_id))).sort();
  };

  it('keys-by-state: counts per org, personal keys last', async () => {
    const answer = await report(world.alice, 'keys-by-state');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      report: 'keys-by-state',
      columns: ['org_id', 'active', 'disabled', 'expired', 'revoked', 'total'],
    });
    expect(Date.parse(answer.body.generated_at)).not.toBeNaN();
    expect(answer.body.data).toEqual([
      { org_id: 'org_a', active: 3, disabled: 1, expired: 1, revoked: 1, total: 6 },
      { org_id: null, active: 1, disabled: 0, expired: 0, revoked: 0, total: 1 },
    ]);
  });

  it('keys-per-owner: counts per owner, most keys first', async () => {
    const answer = await report(world.alice, 'keys-per-owner');
    expect(answer.body.data).toEqual([
      { owner_user_id: 'alice', active: 3, disabled: 1, expired: 1, revoked: 1, total: 6 },
      { owner_user_id: 'carol', active: 1, disabled: 0, expired: 0, revoked: 0, total: 1 },
    ]);
  });

  it('keys-without-limit: live keys only', async () => {
    const answer = await report(world.alice, 'keys-without-limit');
    expect(names(answer)).toEqual(['laptop', 'unlimited']);
    expect(answer.body.data.find((row) => row.key_id === keys.unlimited.id)).toEqual({
      key_id: keys.unlimited.id,
      name: 'unlimited',
      org_id: 'org_a',
      owner_user_id: 'alice',
      state: 'active',
    });
  });

  it('keys-never-expiring: live keys without an expiry, disabled ones included', async () => {
    expect(names(await report(world.alice, 'keys-never-expiring'))).toEqual([
      'carols',
      'laptop',
      'over',
      'unlimited',
    ]);
  });

  it('unused-keys: idle for N days, counting from creation for keys never used', async () => {
    const stale = await report(world.alice, 'unused-keys', 'days=30');
    expect(stale.body.data).toEqual([
      expect.objectContaining({ key_id: keys.unlimited.id, idle_days: 40 }),
    ]);
    expect(names(await report(world.alice, 'unused-keys', 'days=0'))).toEqual([
      'carols',
      'laptop',
      'nearly',
      'over',
      'unlimited',
    ]);
    expect((await report(world.alice, 'unused-keys')).body.data).toHaveLength(1);
  });

  it('keys-near-limit: at or over the threshold, from the usage recorded in events', async () => {
    const near = await report(world.alice, 'keys-near-limit');
    expect(names(near)).toEqual(['nearly', 'over']);
    expect(near.body.data.find((row) => row.key_id === keys.over.id)).toMatchObject({
      state: 'disabled',
      limit: 5,
      limit_reset: 'daily',
      window_usage: 6,
      used_percent: 120,
      exhausted: true,
    });
    expect(near.body.data.find((row) => row.key_id === keys.nearly.id)).toMatchObject({
      window_usage: 9,
      used_percent: 90,
      exhausted: false,
    });
    expect(names(await report(world.alice, 'keys-near-limit', 'threshold=100'))).toEqual(['over']);
    expect(names(await report(world.alice, 'keys-near-limit', 'threshold=0'))).toEqual([
      'carols',
      'nearly',
      'over',
    ]);
  });

  it('recent-revocations: who revoked which key, and why', async () => {
    const answer = await report(world.alice, 'recent-revocations');
    expect(answer.body.data).toEqual([
      {
        key_id: keys.gone.id,
        revoked_at: expect.any(String),
        actor_kind: 'user',
        actor_id: 'alice',
        org_id: 'org_a',
        reason: 'offboarding',
      },
    ]);
    expect((await report(world.bob, 'recent-revocations', 'days=1')).body.data).toEqual([
      expect.objectContaining({ key_id: keys.bobs.id, actor_id: 'bob', reason: 'bob-rotation' }),
    ]);
  });

  describe('visibility', () => {
    it("shows another org's member nothing of org_a", async () => {
      const byState = await report(world.bob, 'keys-by-state');
      expect(byState.body.data).toEqual([
        { org_id: 'org_b', active: 0, disabled: 0, expired: 0, revoked: 1, total: 1 },
      ]);
      expect((await report(world.bob, 'keys-by-state', 'org_id=org_a')).body.data).toEqual([]);
      expect((await report(world.bob, 'keys-without-limit', 'org_id=org_a')).body.data).toEqual([]);
      expect((await report(world.alice, 'recent-revocations', 'org_id=org_b')).body.data).toEqual(
        [],
      );
    });

    it("shows a plain member the org's keys (as GET /keys does), but only their own revocations", async () => {
      const byState = await report(world.dave, 'keys-by-state');
      expect(byState.body.data).toEqual([
        { org_id: 'org_a', active: 3, disabled: 1, expired: 1, revoked: 1, total: 6 },
      ]);
      expect((await report(world.dave, 'recent-revocations')).body.data).toEqual([]);
    });

    it('narrows to one org with org_id: personal keys drop out', async () => {
      const answer = await report(world.alice, 'keys-without-limit', 'org_id=org_a');
      expect(names(answer)).toEqual(['unlimited']);
    });

    it('lets only management keys read reports (SPEC §1: reads need management too)', async () => {
      const bot = await createKey(world.alice, { name: 'bot', org_id: 'org_a' });
      const caller = world.as({ apiKey: bot.secret });
      expectError(await report(caller, 'keys-per-owner'), 403, 'forbidden');
      expectError(await report(caller, 'recent-revocations'), 403, 'forbidden');
      const admin = await createKey(world.alice, {
        name: 'admin-bot',
        org_id: 'org_a',
        scopes: ['management'],
      });
      const manager = world.as({ apiKey: admin.secret });
      expect((await report(manager, 'keys-per-owner')).status).toBe(200);
      expect((await report(manager, 'recent-revocations')).status).toBe(200);
    });
  });

  it('counts usage since a manual limit reset, as resolution does', async () => {
    await change(world.alice, 'POST', `/api/v1/keys/${keys.nearly.id}/limit/reset`, {
      reason: 'new budget',
    });
    expect(names(await report(world.alice, 'keys-near-limit'))).toEqual(['over']);
  });

  it('answers bad queries with 400 validation_failed naming each field', async () => {
    const bad = await report(world.alice, 'unused-keys', 'days=-1&colour=blue');
    expectError(bad, 400, 'validation_failed');
    expect(failedFields(bad).sort()).toEqual(['colour', 'days']);
    const threshold = await report(world.alice, 'keys-near-limit', 'threshold=lots');
    expect(new Set(failedFields(threshold))).toEqual(new Set(['threshold']));
    const days = await report(world.alice, 'recent-revocations', 'days=0');
    expect(failedFields(days)).toEqual(['days']);
    expectError(await report(world.alice, 'keys-by-state', 'days=3'), 400, 'validation_failed');
    expectError(await report(world.alice, 'no-such-report'), 404, 'not_found');
    expectError(await report(world.as(undefined), 'keys-by-state'), 401, 'authentication_required');
  });

  it('documents every report in OpenAPI with its answers and refusals', async () => {
    const reports = [
      'keys-by-state',
      'keys-per-owner',
      'keys-without-limit',
      'keys-never-expiring',
      'unused-keys',
      'keys-near-limit',
    ];
    for (const name of reports) {
      expect(await documentedStatuses(world.alice, `/api/v1/reports/${name}`)).toEqual([
        '200',
        '400',
        '401',
        '403',
        '503',
      ]);
    }
    expect(await documentedStatuses(world.alice, '/api/v1/reports/recent-revocations')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '503',
    ]);
  });
});
