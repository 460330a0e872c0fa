import { eventually, spend } from '../resolution/resolution-support';
import { call } from '../support/http';
import { storedEvents } from '../support/stored-events';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const ENV = { USAGE_FLUSH_INTERVAL_MS: '20' };
const ALERT = 'KeyLimitThresholdReached';

/** Limit alerts: two instances on one event store, each crossing the thresholds. */
describe('limit alerts with two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let token: string;

  beforeAll(async () => {
    a = await startTestApp({ env: ENV });
    b = await startTestApp({ dataDir: a.dataDir, env: ENV });
    token = await a.token('alice');
  });
  afterAll(async () => {
    await b.close({ keepData: true });
    await a.close();
  });

  const alertsOf = (keyId: string) =>
    storedEvents(a.dataDir).filter((e) => e.type === ALERT && e.data.key_id === keyId);
  const settle = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  };

  it('records each threshold once per window, however many instances see it crossed', async () => {
    const created = await call<{
      data: { id: string; alert_thresholds: number[] };
      secret: string;
    }>(a.baseUrl, 'POST', '/api/v1/keys', {
      auth: token,
      body: { name: 'alerting', limit: 10, limit_reset: 'daily', alert_thresholds: [100, 50] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.alert_thresholds).toEqual([50, 100]);
    const { id } = created.body.data;
    const { secret } = created.body;
    // 3 + 3 credits: 60%, across both instances.
    expect(await spend(a.baseUrl, secret, 3)).toBe(true);
    // b learns of the key from the store a moment later: until then its resolve refuses, unspent.
    expect(await eventually(() => spend(b.baseUrl, secret, 3))).toBe(true);
    await settle(() => alertsOf(id).length >= 1);
    // Both instances now see 60%; give them many checks to repeat the alert.
    await new Promise((r) => setTimeout(r, 300));
    expect(alertsOf(id).map((e) => e.data.threshold)).toEqual([50]);

    // Past 100% on both.
    await spend(a.baseUrl, secret, 3);
    await spend(b.baseUrl, secret, 3);
    await settle(() => alertsOf(id).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const alerts = alertsOf(id);
    expect(alerts.map((e) => e.data.threshold)).toEqual([50, 100]);
    expect(alerts[1].data).toMatchObject({ key_id: id, threshold: 100, limit: 10 });
    expect(alerts[1].data.usage as number).toBeGreaterThanOrEqual(10);
    expect(alerts[1].data.window_end).toMatch(/T00:00:00\.000Z$/);

    // The audit log shows both, once each, on either instance once projected.
    const auditOn = async (app: TestApp) =>
      (
        await call<{ data: { event_type: string }[] }>(
          app.baseUrl,
          'GET',
          `/api/v1/audit?key_id=${id}&event_type=${ALERT}`,
          { auth: token },
        )
      ).body.data ?? [];
    let shown: { event_type: string }[] = [];
    for (let i = 0; i < 200 && shown.length < 2; i++) {
      shown = await auditOn(b);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(shown.map((e) => e.event_type)).toEqual([ALERT, ALERT]);
  });

  it('refuses thresholds outside 1–100, repeated or more than five, naming the field', async () => {
    for (const alert_thresholds of [[0], [101], [50, 50], [1, 2, 3, 4, 5, 6], ['80']]) {
      const refused = await call<{ error: { code: string; fields: { field: string }[] } }>(
        a.baseUrl,
        'POST',
        '/api/v1/keys',
        { auth: token, body: { name: 'bad', limit: 1, alert_thresholds } },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields.map((f) => f.field)).toEqual(['alert_thresholds']);
    }
  });

  it('changes the thresholds with PATCH', async () => {
    const created = await call<{ data: { id: string } }>(a.baseUrl, 'POST', '/api/v1/keys', {
      auth: token,
      body: { name: 'patched', limit: 5 },
    });
    const patched = await call<{ data: { alert_thresholds: number[] } }>(
      a.baseUrl,
      'PATCH',
      `/api/v1/keys/${created.body.data.id}`,
      { auth: token, body: { alert_thresholds: [90, 75] } },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.data.alert_thresholds).toEqual([75, 90]);
  });
});
