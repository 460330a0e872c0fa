import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServiceProcess, ServiceProcess } from '../test/support/service-process';
import { signUserToken } from '../test/support/tokens';
import { BenchRow, BenchTable } from './table';
import { envCount } from '../test/support/scale';

// The service plus a bare POST route (bare-route-service.ts), compiled next to this file.
const SERVICE = join(__dirname, 'bare-route-service.js');
const CONNECTIONS = 50;
const KEYS = 100;

/** Creates `count` unlimited keys through the API and returns their secrets. */
async function createKeys(
  service: ServiceProcess,
  token: string,
  count: number,
): Promise<string[]> {
  const secrets: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await fetch(`${service.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench ${i}` }),
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    secrets.push(((await created.json()) as { secret: string }).secret);
  }
  return secrets;
}

interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

/** One autocannon run: 50 connections for `seconds`; requests rotate over the given secrets. */
async function load(
  url: string,
  seconds: number,
  request: { method: 'GET' | 'POST'; body?: string; secrets?: readonly string[] },
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: request.method,
    body: request.body,
    headers: request.body ? { 'content-type': 'application/json' } : {},
    setupClient: request.secrets
      ? (client) => {
          const secrets = request.secrets ?? [];
          client.setHeaders({
            'content-type': 'application/json',
            'x-api-key': secrets[next++ % secrets.length],
          });
        }
      : undefined,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/** The median run of several (by throughput): one noisy run does not decide the figure. */
const median = (runs: readonly LoadResult[]): LoadResult =>
  [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

/**
 * HTTP resolution against the compiled service in a child process (the load generator runs in
 * this process, so it does not share the service's event loop), next to the framework's floor
 * in the same app: a bare `POST /bench/bare` with resolve's body and headers that answers a
 * constant JSON (the goal's baseline), and the bodiless `GET /health`. Same connections, same
 * run; the routes take turns round by round so machine noise hits each.
 */
export async function httpResolutionBench(): Promise<BenchTable> {
  const seconds = envCount('BENCH_HTTP_SECONDS', 5);
  const rounds = envCount('BENCH_HTTP_ROUNDS', 3);
  const dataDir = mkdtempSync(join(tmpdir(), 'keyledger-bench-http-'));
  const service = await startServiceProcess(SERVICE, { dataDir, env: { LOG_LEVEL: 'warn' } });
  try {
    const secrets = await createKeys(service, await signUserToken('bench'), KEYS);
    const resolveBody = JSON.stringify({ model: 'openai/gpt-4o' });
    const routes: Record<string, Parameters<typeof load>> = {
      'POST /bench/bare (constant JSON, same body)': [
        `${service.baseUrl}/bench/bare`,
        seconds,
        { method: 'POST', body: resolveBody, secrets },
      ],
      'GET /health (constant JSON, no body)': [
        `${service.baseUrl}/health`,
        seconds,
        { method: 'GET' },
      ],
      'POST /api/v1/resolve': [
        `${service.baseUrl}/api/v1/resolve`,
        seconds,
        { method: 'POST', body: resolveBody, secrets },
      ],
      'POST /api/v1/usage': [
        `${service.baseUrl}/api/v1/usage`,
        seconds,
        { method: 'POST', body: JSON.stringify({ cost: 0.001, model: 'openai/gpt-4o' }), secrets },
      ],
    };
    const runs = new Map<string, LoadResult[]>(Object.keys(routes).map((route) => [route, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [route, args] of Object.entries(routes))
        runs.get(route)?.push(await load(...args));
    }
    const results = [...runs].map(([route, results]) => [route, median(results)] as const);
    const [, bare] = results[0];
    const row = ([route, result]: readonly [string, LoadResult]): BenchRow => ({
      route,
      'req/s': Math.round(result.requestsPerSecond),
      'p50 ms': result.p50,
      'p99 ms': result.p99,
      'non-2xx': result.non2xx,
      'vs bare POST': `${Math.round((result.requestsPerSecond / bare.requestsPerSecond) * 100)}%`,
    });
    return {
      title: `HTTP, ${CONNECTIONS} connections, median of ${rounds} × ${seconds}s runs (autocannon; goal: resolve ≥ 70% of the bare route)`,
      rows: results.map(row),
    };
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
