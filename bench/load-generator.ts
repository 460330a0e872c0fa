import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const WRK = '/usr/bin/wrk';

/** What every server in one run is loaded with. */
export interface Load {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  /** Sent as given on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Requests rotate over these secrets, in `X-API-Key`. */
  readonly secrets?: readonly string[];
}

/** Throughput and latency of one run. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** A load generator: which one, and a run of it. */
export interface LoadGenerator {
  readonly name: string;
  run(load: Load, connections: number, seconds: number): Promise<LoadResult>;
}

/**
 * `wrk` when it is installed (it costs the server's two cores far less than a Node generator),
 * autocannon otherwise.
 */
export function loadGenerator(): LoadGenerator {
  return existsSync(WRK) ? wrk : autocannonGenerator;
}

/** A Lua long string: no escapes to get wrong (the values here never contain `]==]`). */
const lua = (text: string): string => `[==[${text}]==]`;

/**
 * The wrk script for a load: one request prebuilt per secret, so rotating them costs wrk no
 * formatting, and the figures printed as one JSON line.
 */
function wrkScript(load: Load, path: string): string {
  const headers = {
    ...(load.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...load.headers,
  };
  const secrets = load.secrets?.length ? load.secrets : [null];
  const requests = secrets.map((secret) => {
    const all = secret === null ? headers : { ...headers, 'X-API-Key': secret };
    const table = Object.entries(all)
      .map(([name, value]) => `[ ${lua(name)} ] = ${lua(value)}`)
      .join(', ');
    const body = load.body === undefined ? 'nil' : lua(load.body);
    return `table.insert(requests, wrk.format(${lua(load.method)}, ${lua(path)}, { ${table} }, ${body}))`;
  });
  return `
local requests = {}
local i = 0
function init(args)
  ${requests.join('\n  ')}
end
function request()
  i = i + 1
  return requests[(i % #requests) + 1]
end
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`;
}

const wrk: LoadGenerator = {
  name: 'wrk',
  async run(load, connections, seconds) {
    const dir = mkdtempSync(join(tmpdir(), 'keyledger-wrk-'));
    try {
      const script = join(dir, 'load.lua');
      const url = new URL(load.url);
      writeFileSync(script, wrkScript(load, `${url.pathname}${url.search}`));
      const { stdout, stderr } = await promisify(execFile)(WRK, [
        '-t1',
        `-c${connections}`,
        `-d${seconds}s`,
        '-s',
        script,
        load.url,
      ]);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"requests"'));
      if (line === undefined) throw new Error(`wrk printed no figures:\n${stdout}${stderr}`);
      const figures = JSON.parse(line) as Record<string, number>;
      return {
        requestsPerSecond: figures.requests / (figures.duration_us / 1e6),
        p50: figures.p50_us / 1000,
        p99: figures.p99_us / 1000,
        non2xx: figures.non2xx,
        errors: figures.errors,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const autocannonGenerator: LoadGenerator = {
  name: 'autocannon',
  async run(load, connections, seconds) {
    let next = 0;
    const secrets = load.secrets ?? [];
    const headers = {
      ...(load.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...load.headers,
    };
    const result = await autocannon({
      url: load.url,
      connections,
      duration: seconds,
      method: load.method,
      body: load.body,
      headers,
      setupClient:
        secrets.length > 0
          ? (client) =>
              client.setHeaders({ ...headers, 'x-api-key': secrets[next++ % secrets.length] })
          : undefined,
    });
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  },
};
