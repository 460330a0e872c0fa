import { createKey, startWorld, World } from '../routing-preferences/routing-world';
import { startTestApp } from '../support/test-app';
import { resolve } from '../resolution/resolution-support';

/** The value of one sample line of the exposition text, or null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('GET /metrics (Prometheus)', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.app.close());

  const scrape = async () => {
    const response = await fetch(`${world.app.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts gateway decisions by outcome and reports projection lag, without credentials', async () => {
    const key = await createKey(world.alice);
    await resolve(world.app.baseUrl, { apiKey: key.secret });
    await resolve(world.app.baseUrl, { apiKey: key.secret });
    await resolve(world.app.baseUrl, { apiKey: `rk_${'0'.repeat(64)}` });
    const text = await scrape();
    expect(sample(text, 'keyledger_resolutions_total{outcome="ok"}')).toBe(2);
    expect(sample(text, 'keyledger_resolutions_total{outcome="invalid_api_key"}')).toBe(1);
    expect(sample(text, 'keyledger_projection_lag_events')).toBe(0);
    expect(sample(text, 'keyledger_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('never shows a secret or a key id', async () => {
    const key = await createKey(world.alice);
    await resolve(world.app.baseUrl, { apiKey: key.secret });
    const text = await scrape();
    expect(text).not.toContain(key.secret.slice(3));
    expect(text).not.toContain(key.id);
  });

  it('is not served with METRICS=off', async () => {
    const app = await startTestApp({ env: { METRICS: 'off' } });
    try {
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
