import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { SqliteEventStore } from '@keyledger/event-store';
import {
  ALL_PROJECTIONS,
  MemoryReadStore,
  MongoReadStore,
  ProjectionRunner,
  ReadStore,
} from '@keyledger/read-models';
import { appendGovernanceHistory } from './rebuild-history';
import { envCount } from '../test/support/scale';

/** One measured rebuild, as a table row (a type alias, so it is a `BenchRow` too). */
export type RebuildBenchRow = {
  readonly bench: 'rebuild all projections';
  readonly read_store: string;
  readonly events: number;
  readonly seconds: number;
  readonly events_per_s: number;
};

/** A read store to rebuild into, and how to remove what the rebuild left there. */
interface BenchTarget {
  readonly name: string;
  readonly events: number;
  open(): Promise<ReadStore>;
  cleanUp(): Promise<void>;
}

const DEFAULT_EVENTS = 100_000;

/** A MongoDB database of its own on `MONGO_URL`'s server, dropped afterwards. */
function mongoTarget(url: string, events: number): BenchTarget {
  const database = `keyledger_bench_${randomUUID().slice(0, 8)}`;
  return {
    name: 'mongo (MONGO_URL)',
    events,
    open: () => MongoReadStore.connect(url, { database }),
    async cleanUp() {
      const client = await MongoClient.connect(url);
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
}

/** Generates a history of the target's size into a temporary SQLite store, then times a full rebuild. */
async function measure(target: BenchTarget): Promise<RebuildBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-rebuild-bench-'));
  const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const store = await target.open();
  try {
    console.error(`generating ${target.events} events for ${target.name}…`);
    await appendGovernanceHistory(events, { events: target.events });
    const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
      logger: { error: (message, context) => console.error(message, context) },
    });
    const summary = await runner.rebuild('all');
    return {
      bench: 'rebuild all projections',
      read_store: target.name,
      events: summary.events,
      seconds: Number(summary.seconds.toFixed(2)),
      events_per_s: Math.round(summary.events / summary.seconds),
    };
  } finally {
    await store.close();
    await events.close();
    await target.cleanUp();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Rebuilds every projection from a generated governance history (100k events by default,
 * `REBUILD_BENCH_EVENTS`) into the memory store and, with `MONGO_URL`, into MongoDB
 * (`REBUILD_BENCH_MONGO_EVENTS`, the same count by default: a slow server may want fewer).
 */
export async function rebuildBench(): Promise<RebuildBenchRow[]> {
  const events = envCount('REBUILD_BENCH_EVENTS', DEFAULT_EVENTS);
  const targets: BenchTarget[] = [
    {
      name: 'memory',
      events,
      open: async () => new MemoryReadStore(),
      cleanUp: async () => undefined,
    },
  ];
  const mongoUrl = process.env.MONGO_URL;
  if (mongoUrl) targets.push(mongoTarget(mongoUrl, envCount('REBUILD_BENCH_MONGO_EVENTS', events)));
  else console.error('MONGO_URL is not set: the MongoDB rebuild is SKIPPED');
  const rows: RebuildBenchRow[] = [];
  for (const target of targets) rows.push(await measure(target));
  return rows;
}

if (require.main === module) {
  rebuildBench().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
