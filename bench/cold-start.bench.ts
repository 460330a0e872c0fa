import { fork } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { SqliteEventStore } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { RESOLUTION_PROJECTION, resolutionProjection } from '@keyledger/resolution';
import { loadConfig, openReadStore } from '@keyledger/runtime';
import { writeKeyBase } from './cold-start-history';
import type { ColdStartReport } from './cold-start.child';
import { Goal } from './goals';
import { BenchRow, BenchTable } from './table';
import { envCount } from '../test/support/scale';

const GOAL_KEYS = 1_000_000;
/**
 * The goal's size (issue 17): generating its 3.2M events takes minutes the first time (they are
 * kept for later runs); `COLD_START_KEYS=200000` for a quicker look.
 */
const DEFAULT_KEYS = GOAL_KEYS;
/** Part of the cached history's directory name: change it when the generator changes. */
const HISTORY_VERSION = 1;
const GOAL_SECONDS = 10;
const COMPLETE = 'complete';

const seconds = (ms: number): number => Number((ms / 1000).toFixed(2));

/**
 * The generated history for `keys`, kept in the temporary directory between runs (making 3M
 * events costs minutes): a directory without its `complete` mark is made again.
 */
async function historyDir(
  keys: number,
): Promise<{ readonly dir: string; readonly events: number }> {
  const dir = join(tmpdir(), `keyledger-cold-start-v${HISTORY_VERSION}-${keys}`);
  const file = join(dir, 'events.sqlite');
  if (!existsSync(join(dir, COMPLETE))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.error(`cold start: generating ${keys} keys into ${dir}…`);
    const store = new SqliteEventStore({ file });
    const made = await writeKeyBase(store, { keys });
    await store.close();
    console.error(`cold start: ${made.events} events generated in ${made.seconds.toFixed(1)} s`);
    writeFileSync(join(dir, COMPLETE), String(made.events));
  }
  const store = new SqliteEventStore({ file });
  const events = await store.headPosition();
  await store.close();
  return { dir, events };
}

/** Runs one cold start in a child process and returns its report. */
function coldStart(env: NodeJS.ProcessEnv, fromSnapshot: boolean): Promise<ColdStartReport> {
  // The compiled child beside this file (dist/bench), or the source one under tsx.
  const child = fork(
    join(__dirname, `cold-start.child${extname(__filename)}`),
    fromSnapshot ? ['--snapshot'] : [],
    {
      env,
      execArgv: [...process.execArgv, '--expose-gc'],
    },
  );
  return new Promise((resolve, reject) => {
    let report: ColdStartReport | null = null;
    child.on('message', (message) => (report = message as ColdStartReport));
    child.on('error', reject);
    child.on('exit', (code) =>
      report !== null ? resolve(report) : reject(new Error(`cold start child exited with ${code}`)),
    );
  });
}

/**
 * Cold start of the resolution model: a generated tenant base (`COLD_START_KEYS`, about 3.2
 * events a key) started by replaying every event, and from the resolution snapshot in the
 * configured read store (`READ_STORE`, the service's default when unset), each in a fresh
 * process: time until the engine is ready, and the heap (after a collection) and RSS it then
 * holds. The snapshot is built once by the projection runner, as a running service keeps it.
 */
export async function coldStartBench(): Promise<{ table: BenchTable; goals: Goal[] }> {
  const keys = envCount('COLD_START_KEYS', DEFAULT_KEYS);
  const { dir, events } = await historyDir(keys);
  const env = { ...process.env, DATA_DIR: dir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'silent' };
  const config = loadConfig(env);
  const title = `Cold start of the resolution model: ${keys} keys, ${events} events (read store: ${config.readStore.kind})`;
  const row = (start: string, report: ColdStartReport, replayMs: number): BenchRow => ({
    start,
    ready_s: seconds(report.ready_ms),
    cpu_s: seconds(report.cpu_ms),
    heap_mb: report.heap_mb,
    rss_mb: report.rss_mb,
    vs_replay: Number((report.ready_ms / replayMs).toFixed(3)),
  });

  const replay = await coldStart(env, false);
  const rows: BenchRow[] = [row('full replay (no snapshot)', replay, replay.ready_ms)];
  if (config.readStore.kind === 'memory') {
    console.error('cold start: READ_STORE=memory keeps no snapshot across processes: SKIPPED');
    rows.push({ start: 'from snapshot: SKIPPED (READ_STORE=memory keeps none)' });
    return { table: { title, rows }, goals: [] };
  }

  const store = await openReadStore(config.readStore);
  const eventStore = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  let build = 'kept from an earlier run';
  try {
    if ((await store.getCheckpoint(resolutionProjection.name)) < events) {
      const runner = new ProjectionRunner(eventStore, store, [RESOLUTION_PROJECTION], {
        logger: { error: (message, context) => console.error(message, context) },
      });
      const summary = await runner.rebuild();
      build = `built in ${summary.seconds.toFixed(1)} s (${Math.round(summary.events / summary.seconds)} events/s)`;
    }
  } finally {
    await eventStore.close();
    await store.close();
  }
  const snapshot = await coldStart(env, true);
  if (snapshot.snapshot === null) throw new Error('the snapshot start found no snapshot');
  rows.push({ ...row('from snapshot', snapshot, replay.ready_ms), snapshot: build });
  const atGoalSize = keys >= GOAL_KEYS;
  const goal: Goal = {
    goal: `cold start with ${GOAL_KEYS} keys ready in ≤ ${GOAL_SECONDS} s from the snapshot`,
    measured: atGoalSize
      ? `${seconds(snapshot.ready_ms)} s (full replay: ${seconds(replay.ready_ms)} s)`
      : `not measured: ran ${keys} keys (COLD_START_KEYS)`,
    met: atGoalSize && snapshot.ready_ms <= GOAL_SECONDS * 1000,
  };
  return { table: { title, rows }, goals: [goal] };
}

if (require.main === module) {
  coldStartBench().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
