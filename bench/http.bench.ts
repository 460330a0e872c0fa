import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, ServiceProcess } from '../test/support/service-process';
import { signUserToken } from '../test/support/tokens';
import { envCount } from '../test/support/scale';
import { startFloorProcess } from './floor-process';
import { BENCH_RATE_LIMITS } from './resolution.bench';
import { Goal, percent } from './goals';
import { Load, loadGenerator, LoadResult } from './load-generator';
import { BenchRow, BenchTable } from './table';

const MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const FLOORS = join(__dirname, 'floors');
const CONNECTIONS = 50;
const KEYS = 100;
/** What a gateway sends to resolve (48 bytes), and after the request to report its cost. */
const RESOLVE_BODY = '{"model":"openai/gpt-4o", "scope":"completions"}';
const USAGE_BODY = '{"cost":0.0123,"byok":false,"model":"openai/gpt-4o"}';
/** A restricted key's worst honest case (issue 12): 10 CIDRs, the caller in the last, 2 rate limits. */
const RESTRICTIONS = {
  allowed_ips: [...Array.from({ length: 9 }, (_, i) => `10.${i}.0.0/16`), '127.0.0.0/8'],
  rate_limits: BENCH_RATE_LIMITS,
};
const RESTRICTED_BODY = '{"model":"openai/gpt-4o", "scope":"completions", "client_ip":"127.0.0.1"}';

const RAW = 'raw node:http POST (parse JSON body, answer JSON)';
const FASTIFY = 'bare Fastify 5 POST, no plugins (same body and answer)';
const NEST = 'minimal Nest 11 on Fastify, one GET controller, no global hooks';
const HEALTH = 'keyledger GET /health';
const RESOLVE = 'keyledger POST /api/v1/resolve';
const RESOLVE_RESTRICTED = 'keyledger POST /api/v1/resolve, key with 10 CIDRs + 2 rate limits';
const USAGE = 'keyledger POST /api/v1/usage';
const KEY = 'keyledger GET /api/v1/keys/{id}';
const KEYS_PAGE = 'keyledger GET /api/v1/keys?limit=20';

/** A server under test: how to start it, and the loads to run against it while it runs. */
interface Server {
  start(): Promise<{ readonly loads: ReadonlyMap<string, Load>; stop(): Promise<void> }>;
}

/** A floor script, loaded with the same headers and body as the gateway routes. */
const floor = (script: string, loadFor: (baseUrl: string) => [string, Load]): Server => ({
  async start() {
    const process = await startFloorProcess(join(FLOORS, `${script}.js`));
    return { loads: new Map([loadFor(process.baseUrl)]), stop: () => process.stop() };
  },
});

/** Creates `count` unlimited keys (with `fields` besides a name) through the API; returns their secrets and one id. */
async function createKeys(
  service: ServiceProcess,
  token: string,
  count: number,
  fields: Readonly<Record<string, unknown>> = {},
) {
  const secrets: string[] = [];
  let id = '';
  for (let i = 0; i < count; i++) {
    const created = await fetch(`${service.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench ${i}`, ...fields }),
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    const answer = (await created.json()) as { data: { id: string }; secret: string };
    secrets.push(answer.secret);
    id = answer.data.id;
  }
  return { secrets, id };
}

/** keyledger as an operator runs it (compiled, default log level, logs to /dev/null). */
const keyledger = (secretsHolder: { secrets: readonly string[] }): Server => ({
  async start() {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyledger-bench-http-'));
    const service = await startServiceProcess(MAIN, {
      dataDir,
      env: { LOG_LEVEL: 'info' },
      discardStdout: true,
    });
    const token = await signUserToken('bench');
    const { secrets, id } = await createKeys(service, token, KEYS);
    secretsHolder.secrets = secrets;
    const restricted = await createKeys(service, token, KEYS, RESTRICTIONS);
    const url = (path: string) => `${service.baseUrl}${path}`;
    const bearer = { authorization: `Bearer ${token}` };
    return {
      loads: new Map<string, Load>([
        [HEALTH, { url: url('/health'), method: 'GET' }],
        [RESOLVE, { url: url('/api/v1/resolve'), method: 'POST', body: RESOLVE_BODY, secrets }],
        [
          RESOLVE_RESTRICTED,
          {
            url: url('/api/v1/resolve'),
            method: 'POST',
            body: RESTRICTED_BODY,
            secrets: restricted.secrets,
          },
        ],
        [USAGE, { url: url('/api/v1/usage'), method: 'POST', body: USAGE_BODY, secrets }],
        [KEY, { url: url(`/api/v1/keys/${id}`), method: 'GET', headers: bearer }],
        [KEYS_PAGE, { url: url('/api/v1/keys?limit=20'), method: 'GET', headers: bearer }],
      ]),
      stop: async () => {
        await service.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

/** The median run of several (by throughput): one noisy run does not decide the figure. */
const median = (runs: readonly LoadResult[]): LoadResult =>
  [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

/**
 * keyledger's routes against floors outside the app, all in one run with one load generator and
 * the same settings: raw `node:http`, bare Fastify and minimal Nest, each server in a child
 * process of its own, one after another (the generator runs beside them on the same cores).
 * Every round starts each server afresh; a figure is the median round.
 */
export async function httpBench(): Promise<{ table: BenchTable; goals: Goal[] }> {
  const seconds = envCount('BENCH_HTTP_SECONDS', 5);
  const rounds = envCount('BENCH_HTTP_ROUNDS', 3);
  const generator = loadGenerator();
  // The floors get the gateway's headers too: the same bytes on the wire as resolve.
  const keys: { secrets: readonly string[] } = { secrets: [] };
  const gatewayLoad = (url: string): Load => ({
    url,
    method: 'POST',
    body: RESOLVE_BODY,
    secrets: keys.secrets,
  });
  const servers: Server[] = [
    keyledger(keys),
    floor('raw-node-http', (baseUrl) => [RAW, gatewayLoad(`${baseUrl}/floor`)]),
    floor('bare-fastify', (baseUrl) => [FASTIFY, gatewayLoad(`${baseUrl}/floor`)]),
    floor('minimal-nest', (baseUrl) => [NEST, { url: `${baseUrl}/floor`, method: 'GET' }]),
  ];
  const runs = new Map<string, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const server of servers) {
      const running = await server.start();
      try {
        for (const [name, load] of running.loads) {
          // A second of warm-up: JIT and connection set-up are not what is measured.
          await generator.run(load, CONNECTIONS, 1);
          const result = await generator.run(load, CONNECTIONS, seconds);
          runs.set(name, [...(runs.get(name) ?? []), result]);
        }
      } finally {
        await running.stop();
      }
    }
  }
  const result = (name: string): LoadResult => median(runs.get(name) ?? []);
  const [raw, fastify, nest] = [result(RAW), result(FASTIFY), result(NEST)];
  const order = [RAW, FASTIFY, NEST, HEALTH, RESOLVE, RESOLVE_RESTRICTED, USAGE, KEY, KEYS_PAGE];
  const row = (name: string): BenchRow => {
    const measured = result(name);
    const rate = measured.requestsPerSecond;
    return {
      server: name,
      'req/s': Math.round(rate),
      'p50 ms': Number(measured.p50.toFixed(2)),
      'p99 ms': Number(measured.p99.toFixed(2)),
      'non-2xx': measured.non2xx,
      errors: measured.errors,
      'vs raw node:http': percent(rate, raw.requestsPerSecond),
      'vs bare Fastify': percent(rate, fastify.requestsPerSecond),
      'vs minimal Nest': percent(rate, nest.requestsPerSecond),
    };
  };
  const atLeast = (name: string, floorRate: number, share: number, floorName: string): Goal => {
    const rate = result(name).requestsPerSecond;
    return {
      goal: `${name} ≥ ${share * 100}% of ${floorName}`,
      measured: percent(rate, floorRate),
      met: rate >= share * floorRate,
    };
  };
  const tail = (name: string): Goal => ({
    goal: `${name} p99 ≤ 10 ms at ${CONNECTIONS} connections`,
    measured: `${result(name).p99.toFixed(2)} ms`,
    met: result(name).p99 <= 10,
  });
  return {
    table: {
      title: `HTTP: ${generator.name} (-t1 -c${CONNECTIONS} -d${seconds}s), median of ${rounds} rounds, each server in its own process, one after another`,
      rows: order.map(row),
    },
    goals: [
      atLeast(RESOLVE, raw.requestsPerSecond, 0.5, 'raw node:http POST'),
      tail(RESOLVE),
      atLeast(USAGE, raw.requestsPerSecond, 0.5, 'raw node:http POST'),
      tail(USAGE),
      atLeast(HEALTH, nest.requestsPerSecond, 0.7, 'minimal Nest'),
      atLeast(KEY, nest.requestsPerSecond, 0.4, 'minimal Nest'),
    ],
  };
}
