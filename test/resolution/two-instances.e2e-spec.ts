import { ResolutionEngine } from '@keyledger/resolution';
import { startTestApp, TestApp } from '../support/test-app';
import { expectError } from '../support/http';
import { eventually, resolve, spend } from './resolution-support';

/** Two instances of the service on one embedded store, as two gateways' resolvers would run. */
describe('two instances on one event store', () => {
  let a: TestApp;
  let b: TestApp;
  let token: string;

  beforeAll(async () => {
    // No timed flush during the test: each instance appends its usage only when told to stop.
    const env = { USAGE_FLUSH_INTERVAL_MS: '60000' };
    a = await startTestApp({ env });
    b = await startTestApp({ dataDir: a.dataDir, env });
    token = await a.token('alice');
  });
  afterAll(async () => {
    await b.close({ keepData: true });
    await a.close();
  });

  const createKey = async (app: TestApp, body: Record<string, unknown>) => {
    const created = await fetch(`${app.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shared', ...body }),
    });
    expect(created.status).toBe(201);
    return (await created.json()) as { data: { id: string }; secret: string };
  };

  const admitted = async (app: TestApp, secret: string) =>
    (await resolve(app.baseUrl, { apiKey: secret })).status === 200;

  it('refuses a key revoked on one instance at once there, and on the other as soon as it follows', async () => {
    const key = await createKey(a, {});
    expect(await eventually(() => admitted(b, key.secret))).toBe(true);
    const revoked = await fetch(`${a.baseUrl}/api/v1/keys/${key.data.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);
    expectError(await resolve(a.baseUrl, { apiKey: key.secret }), 401, 'invalid_api_key');
    expect(await eventually(async () => !(await admitted(b, key.secret)))).toBe(true);
  });

  it('overshoots a limit by no more than the usage the other instance had not flushed', async () => {
    const key = await createKey(a, { limit: 10 });
    expect(await eventually(() => admitted(b, key.secret))).toBe(true);
    // That probe held a reservation on b; report it so both start from zero usage.
    await fetch(`${b.baseUrl}/api/v1/usage`, {
      method: 'POST',
      headers: { 'x-api-key': key.secret, 'content-type': 'application/json' },
      body: JSON.stringify({ cost: 0 }),
    });

    let spentOnA = 0;
    for (let i = 0; i < 6; i++) if (await spend(a.baseUrl, key.secret, 1)) spentOnA++;
    let spentOnB = 0;
    for (let i = 0; i < 50; i++) if (await spend(b.baseUrl, key.secret, 1)) spentOnB++;
    // Each instance alone is exact; b has not seen a's unflushed usage yet.
    expect(spentOnA).toBe(6);
    expect(spentOnB).toBe(10);

    // a stops (flushing its usage); b follows: it sees a's usage, and refuses.
    await a.close({ keepData: true });
    const usageOnB = async () => {
      const shown = await fetch(`${b.baseUrl}/api/v1/keys/${key.data.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await shown.json()) as { data: { usage: number } }).data.usage;
    };
    // The documented bound: limit + what the other instance admitted within one flush interval.
    expect(await eventually(async () => (await usageOnB()) === 10 + spentOnA)).toBe(true);
    expectError(await resolve(b.baseUrl, { apiKey: key.secret }), 429, 'limit_exceeded');
    a = await startTestApp({ dataDir: b.dataDir, env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
  });

  it('gives back the same usage after a restart (usage events rebuild the figures)', async () => {
    const key = await createKey(a, { limit: 100, limit_reset: 'monthly' });
    for (const cost of [0.5, 1.25, 3]) await spend(a.baseUrl, key.secret, cost);
    const read = async (app: TestApp) => {
      const shown = await fetch(`${app.baseUrl}/api/v1/keys/${key.data.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await shown.json()) as { data: Record<string, unknown> }).data;
    };
    const live = await read(a);
    expect(live).toMatchObject({ usage: 4.75, requests: 3, limit_remaining: 95.25 });
    await a.close({ keepData: true });
    a = await startTestApp({ dataDir: b.dataDir, env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
    expect(await read(a)).toEqual(live);

    // The restart started from the resolution snapshot; one that replays every event agrees.
    expect(a.app.get(ResolutionEngine).loadedSnapshot).toMatchObject({
      checkpoint: expect.any(Number),
    });
    const replayed = await startTestApp({
      dataDir: b.dataDir,
      env: { USAGE_FLUSH_INTERVAL_MS: '60000', READ_STORE: 'memory' },
    });
    try {
      expect(replayed.app.get(ResolutionEngine).loadedSnapshot).toBeNull();
      expect(await read(replayed)).toEqual(live);
      expectError(await resolve(replayed.baseUrl, { apiKey: 'rk_nope' }), 401, 'invalid_api_key');
      for (const app of [a, replayed])
        expect((await resolve(app.baseUrl, { apiKey: key.secret })).status).toBe(200);
    } finally {
      await replayed.close({ keepData: true });
    }
  });
});
