import { freePort, TestRedis, testRedis } from '@keyledger/resolution/testing';
import { call } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, resolve } from './resolution-support';

/** Two apps per test on a shared machine. */
jest.setTimeout(30_000);

const LIMIT = 6;
const RATE_LIMITS = [{ name: 'requests', limit: LIMIT, duration_ms: 3_600_000 }];

/** Two instances on one store, as two gateways' resolvers run: with Redis, without, and with it down. */
describe('rate limits across instances', () => {
  let redis: TestRedis;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    redis = await testRedis();
  });
  afterEach(async () => {
    const [first, ...others] = apps.splice(0);
    for (const app of others) await app.close({ keepData: true });
    await first?.close();
  });
  afterAll(() => redis.stop());

  /** Two instances on one data directory; `env` for both. */
  async function pair(env: Record<string, string>): Promise<[TestApp, TestApp]> {
    const a = await startTestApp({ env });
    apps.push(a);
    const b = await startTestApp({ dataDir: a.dataDir, env });
    apps.push(b);
    return [a, b];
  }

  /** A key with the limit, created on `a`, once `b` resolves it too. */
  async function limitedKey(a: TestApp, b: TestApp): Promise<string> {
    const token = await a.token('alice');
    const created = await call<{ secret: string }>(a.baseUrl, 'POST', '/api/v1/keys', {
      auth: token,
      body: { name: 'shared', rate_limits: RATE_LIMITS },
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret;
    const known = await eventually(
      async () =>
        (await resolve(b.baseUrl, { apiKey: secret }, { rate_limit_cost: 0 })).status === 200,
    );
    expect(known).toBe(true);
    return secret;
  }

  /** Resolves `count` times, alternating instances, all at once; the statuses. */
  const burst = (apps: readonly TestApp[], secret: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        resolve(apps[i % apps.length].baseUrl, { apiKey: secret }).then((r) => r.status),
      ),
    );

  it('with REDIS_URL, N instances share one exact limit', async () => {
    const [a, b] = await pair({ REDIS_URL: redis.url });
    const secret = await limitedKey(a, b);
    const statuses = await burst([a, b], secret, 3 * LIMIT);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * LIMIT);
  });

  it('without Redis, each instance enforces the limit on its own: at most N × limit in total', async () => {
    const [a, b] = await pair({});
    const secret = await limitedKey(a, b);
    const onA = await burst([a], secret, 2 * LIMIT);
    const onB = await burst([b], secret, 2 * LIMIT);
    // Each instance is exact on what it admitted itself, and knows nothing of the other's.
    expect(onA.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(onB.filter((s) => s === 200)).toHaveLength(LIMIT);
  });

  it('with Redis unreachable, falls back to per-instance limits, counted in a metric, never a 500', async () => {
    const down = `redis://127.0.0.1:${await freePort()}`;
    const [a, b] = await pair({ REDIS_URL: down, REDIS_TIMEOUT_MS: '50' });
    const secret = await limitedKey(a, b);
    const statuses = await burst([a], secret, 2 * LIMIT);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const metrics = await fetch(`${a.baseUrl}/metrics`).then((r) => r.text());
    const fallbacks = /^keyledger_rate_limit_fallbacks_total (\d+)/m.exec(metrics);
    expect(Number(fallbacks?.[1])).toBeGreaterThanOrEqual(2 * LIMIT);
  });
});
