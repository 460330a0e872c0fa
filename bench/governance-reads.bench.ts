import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyledger/event-store';
import {
  KEY_DOCUMENTS,
  KeyDocument,
  ProjectionRunner,
  SqliteReadStore,
  Where,
} from '@keyledger/read-models';
import { REPORT_NAMES } from '@keyledger/governance';
import { loadConfig, servedProjections } from '@keyledger/runtime';
import { envCount } from '../test/support/scale';
import { startServiceProcess } from '../test/support/service-process';
import { signUserToken } from '../test/support/tokens';
import { startFloorProcess } from './floor-process';
import { Goal, percent } from './goals';
import { BIG_ORG, BIG_ORG_ADMIN, writeGovernanceBase } from './governance-history';
import { loadGenerator } from './load-generator';
import { restartServing, servingKey } from './restart-serving';
import { BenchRow, BenchTable } from './table';

const MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const NEST_FLOOR = join(__dirname, 'floors', 'minimal-nest.js');
/** Finishes in a few minutes on two shared cores; `GOV_KEYS=1000000` for the size. */
const DEFAULT_KEYS = 150_000;
const DEFAULT_BIG_ORG_KEYS = 100_000;
/** Part of the cached data directory's name: change it when the generator or the read models change. */
const DATA_VERSION = 3;
const COMPLETE = 'complete';
/** Marks a data directory the service has started on once (its other stores caught up). */
const WARM = 'warm';
const SERVICE_ENV = { LOG_LEVEL: 'warn', WEBHOOKS: 'off', METRICS: 'off' };
const CONNECTIONS = 50;
const LOAD_SECONDS = 5;
const SINGLE_REQUESTS = 100;
/** The page size the issue measured the list with. */
const PAGE = 20;

interface Timing {
  readonly p50: number;
  readonly p99: number;
}

const ms = (value: number): number => Number(value.toFixed(2));

/**
 * The event store and read models for the size, kept in the temporary directory between runs
 * (a million keys cost minutes to make): generated through the batch append, the read models
 * then built by a runner as a first start would (its rate is reported).
 */
async function dataDir(keys: number, bigOrgKeys: number) {
  const dir = join(tmpdir(), `keyledger-governance-v${DATA_VERSION}-${keys}-${bigOrgKeys}`);
  let built: string = 'kept from an earlier run';
  if (!existsSync(join(dir, COMPLETE))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.error(`governance reads: generating ${keys} keys into ${dir}…`);
    const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await writeGovernanceBase(events, { keys, bigOrgKeys });
    const config = loadConfig({ DATA_DIR: dir });
    if (config.readStore.kind !== 'sqlite') throw new Error('the default read store is SQLite');
    const store = new SqliteReadStore({ file: config.readStore.file });
    const runner = new ProjectionRunner(events, store, servedProjections(config), {
      logger: { error: (message, context) => console.error(message, context) },
      batchSize: 2_000,
    });
    const summary = await runner.rebuild();
    built = `built in ${summary.seconds.toFixed(1)} s (${Math.round(summary.events / summary.seconds)} events/s)`;
    await store.close();
    await events.close();
    writeFileSync(join(dir, COMPLETE), built);
  }
  if (!existsSync(join(dir, WARM))) {
    // The first start also builds the stores beside the read models (the audit tree): not
    // what a restart costs, so it is made once here and not timed.
    console.error('governance reads: first start on the new data directory…');
    const first = await startServiceProcess(MAIN, {
      dataDir: dir,
      env: SERVICE_ENV,
      discardStdout: true,
      readyDeadlineMs: 30 * 60_000,
    });
    await first.stop();
    writeFileSync(join(dir, WARM), '');
  }
  const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const head = await events.headPosition();
  await events.close();
  return { dir, events: head, built };
}

/** The store's own cursor `depth` documents into a list (a page the console reaches by paging). */
async function deepCursor(
  dir: string,
  query: { where: Where<KeyDocument>; contains?: { field: 'name'; text: string } },
  depth: number,
): Promise<string | null> {
  const store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  try {
    const page = await store.collection(KEY_DOCUMENTS).find({
      ...query,
      sort: [{ field: 'created_at', direction: 'desc' }],
      limit: depth,
    });
    return page.next_cursor;
  } finally {
    await store.close();
  }
}

/** One request at a time: latency percentiles in ms, after `warmUp` requests. */
async function singleRequests(
  url: string,
  token: string,
  count: number,
  warmUp = 5,
): Promise<Timing> {
  const headers = { authorization: `Bearer ${token}` };
  const times: number[] = [];
  for (let i = 0; i < count + warmUp; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= warmUp) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

/** Lines of one NDJSON export, the whole body read, and how long it took in seconds. */
async function exportOnce(url: string, token: string): Promise<{ lines: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>)
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  return { lines, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Lines of an NDJSON export per second, after one export to warm up (as the pages get warm-up
 * requests: the first one also pays the statements' preparation and a cold page cache).
 */
async function exportRate(
  url: string,
  token: string,
): Promise<{ lines: number; perSecond: number; coldPerSecond: number }> {
  const cold = await exportOnce(url, token);
  const warm = await exportOnce(url, token);
  return {
    lines: warm.lines,
    perSecond: Math.round(warm.lines / warm.seconds),
    coldPerSecond: Math.round(cold.lines / cold.seconds),
  };
}

/**
 * Governance reads at enterprise scale (issue 16): `GOV_KEYS` keys (`GOV_BIG_ORG_KEYS` of them in
 * one org) and their lifecycles, served by the compiled service on the default SQLite read store
 * after a restart on the existing data directory. Each list and audit page is timed one request
 * at a time and, for the first list page, at 50 connections against the minimal Nest floor in
 * the same run; each report once; the NDJSON export by its line rate.
 */
export async function governanceReadsBench(): Promise<{ tables: BenchTable[]; goals: Goal[] }> {
  const keys = envCount('GOV_KEYS', DEFAULT_KEYS);
  const bigOrgKeys = Math.min(keys, envCount('GOV_BIG_ORG_KEYS', DEFAULT_BIG_ORG_KEYS));
  const { dir, events, built } = await dataDir(keys, bigOrgKeys);
  const live = { audience: `org:${BIG_ORG}` as const, revoked: false, disabled: false };
  const depth = Math.floor(bigOrgKeys * 0.9);
  const deep = {
    plain: await deepCursor(dir, { where: live }, depth),
    everyState: await deepCursor(dir, { where: { audience: `org:${BIG_ORG}` } }, depth),
    search: await deepCursor(
      dir,
      { where: live, contains: { field: 'name', text: 'prod' } },
      Math.floor(depth / 3),
    ),
  };

  const secret = await servingKey(MAIN, dir, SERVICE_ENV);
  const { service, healthSeconds, resolveSeconds } = await restartServing(
    MAIN,
    dir,
    SERVICE_ENV,
    secret,
  );
  const startSeconds = Math.max(healthSeconds, resolveSeconds);
  const rows: BenchRow[] = [];
  const goals: Goal[] = [];
  try {
    const token = await signUserToken(BIG_ORG_ADMIN, {
      orgs: [{ id: BIG_ORG, permissions: ['manageApiKeys'] }],
      expiresIn: '1h',
    });
    const url = (path: string) => `${service.baseUrl}${path}`;
    const cursor = (value: string | null) => (value === null ? '' : `&cursor=${value}`);
    const pages: [string, string, number][] = [
      ['keys, first page', `/api/v1/keys?limit=${PAGE}`, 20],
      ['keys, deep page (90% in)', `/api/v1/keys?limit=${PAGE}${cursor(deep.plain)}`, 20],
      [
        'keys, every state (include_revoked, include_disabled)',
        `/api/v1/keys?limit=${PAGE}&include_revoked=true&include_disabled=true`,
        50,
      ],
      [
        'keys, every state, deep page',
        `/api/v1/keys?limit=${PAGE}&include_revoked=true&include_disabled=true${cursor(deep.everyState)}`,
        50,
      ],
      ['keys, name search "prod"', `/api/v1/keys?limit=${PAGE}&name=prod`, 50],
      [
        'keys, name search "prod", deep page',
        `/api/v1/keys?limit=${PAGE}&name=prod${cursor(deep.search)}`,
        50,
      ],
      [
        'keys, rare name search "key 4242 "',
        `/api/v1/keys?limit=${PAGE}&name=${encodeURIComponent('key 4242 ')}`,
        50,
      ],
      ['audit, first page', `/api/v1/audit?limit=${PAGE}`, 30],
      ['audit, event_type=KeyRevoked', `/api/v1/audit?limit=${PAGE}&event_type=KeyRevoked`, 30],
    ];
    for (const [name, path, goalMs] of pages) {
      const timing = await singleRequests(url(path), token, SINGLE_REQUESTS);
      rows.push({ read: name, p50_ms: ms(timing.p50), p99_ms: ms(timing.p99), goal_ms: goalMs });
      goals.push({
        goal: `${name}: p99 ≤ ${goalMs} ms`,
        measured: `${ms(timing.p99)} ms`,
        met: timing.p99 <= goalMs,
      });
    }
    for (const report of REPORT_NAMES) {
      const timing = await singleRequests(
        url(`/api/v1/reports/${report}?org_id=${BIG_ORG}`),
        token,
        2,
        1,
      );
      rows.push({
        read: `report ${report} (${bigOrgKeys} keys)`,
        p50_ms: ms(timing.p50),
        p99_ms: ms(timing.p99),
        goal_ms: 1000,
      });
      goals.push({
        goal: `report ${report}: ≤ 1 s`,
        measured: `${ms(timing.p99)} ms`,
        met: timing.p99 <= 1000,
      });
    }
    const exported = await exportRate(
      url(`/api/v1/audit/export?format=ndjson&org_id=${BIG_ORG}`),
      token,
    );
    rows.push({
      read: `NDJSON export (${exported.lines} entries; first, cold: ${exported.coldPerSecond}/s)`,
      events_per_s: exported.perSecond,
    });
    goals.push({
      goal: 'export ≥ 50000 events/s',
      measured: `${exported.perSecond}/s`,
      met: exported.perSecond >= 50_000,
    });

    const generator = loadGenerator();
    const list = await generator.run(
      {
        url: url(`/api/v1/keys?limit=${PAGE}`),
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      },
      CONNECTIONS,
      LOAD_SECONDS,
    );
    const floorProcess = await startFloorProcess(NEST_FLOOR);
    const floor = await generator
      .run({ url: `${floorProcess.baseUrl}/floor`, method: 'GET' }, CONNECTIONS, LOAD_SECONDS)
      .finally(() => floorProcess.stop());
    rows.push({
      read: `keys, first page at ${CONNECTIONS} connections (${generator.name})`,
      req_per_s: Math.round(list.requestsPerSecond),
      p50_ms: list.p50,
      p99_ms: list.p99,
      non_2xx: list.non2xx,
    });
    rows.push({
      read: `minimal Nest floor at ${CONNECTIONS} connections`,
      req_per_s: Math.round(floor.requestsPerSecond),
      p50_ms: floor.p50,
      p99_ms: floor.p99,
    });
    goals.push({
      goal: 'keys page ≥ 25% of the minimal Nest floor at 50 connections',
      measured: percent(list.requestsPerSecond, floor.requestsPerSecond),
      met: list.requestsPerSecond >= 0.25 * floor.requestsPerSecond,
    });
  } finally {
    await service.stop();
  }
  goals.push({
    goal: `restart with ${events} events serving (health and a real key resolving) in ≤ 5 s`,
    measured: `${startSeconds.toFixed(2)} s (health ${healthSeconds.toFixed(2)} s)`,
    met: startSeconds <= 5,
  });
  return {
    tables: [
      {
        title: `Governance reads: ${keys} keys (${bigOrgKeys} in ${BIG_ORG}), ${events} events; SQLite read store ${built}; restart serving in ${startSeconds.toFixed(2)} s (health ${healthSeconds.toFixed(2)} s, a key resolving ${resolveSeconds.toFixed(2)} s)`,
        rows,
      },
    ],
    goals,
  };
}
