/**
 * One cold start, in a process of its own so that its memory is its own: opens the stores of
 * `DATA_DIR` as the service configures them, opens a resolution engine (from the snapshot with
 * `--snapshot`, else by replaying every event), and reports to the parent how long that took
 * and what the process holds once it is ready.
 */
// The service's V8 flags, first, as in its main.ts: the start measured is the service's.
import '../apps/api/src/v8-tuning';
import { SqliteEventStore } from '@keyledger/event-store';
import { ReadStore } from '@keyledger/read-models';
import { ResolutionEngine, SnapshotLoad } from '@keyledger/resolution';
import { loadConfig, openReadStore, resolutionSettingsOf } from '@keyledger/runtime';

/** What the child reports. */
export interface ColdStartReport {
  readonly ready_ms: number;
  /**
   * CPU time the process spent until ready (user + system, all threads): on a shared machine
   * the wall time is mostly waiting for a core, this is the work.
   */
  readonly cpu_ms: number;
  readonly heap_mb: number;
  readonly rss_mb: number;
  readonly snapshot: SnapshotLoad | null;
}

const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.eventStore.kind !== 'sqlite') throw new Error('the benchmark generates into SQLite');
  const fromSnapshot = process.argv.includes('--snapshot');
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const events = new SqliteEventStore({ file: config.eventStore.file });
  const readStore: ReadStore | undefined = fromSnapshot
    ? await openReadStore(config.readStore)
    : undefined;
  const engine = await ResolutionEngine.open(events, resolutionSettingsOf(config), {
    snapshot: readStore,
  });
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  global.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  const report: ColdStartReport = {
    ready_ms: Math.round(readyMs),
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    heap_mb: megabytes(heapUsed),
    rss_mb: megabytes(rss),
    snapshot: engine.loadedSnapshot,
  };
  process.send?.(report);
  await engine.close();
  await readStore?.close();
  await events.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
