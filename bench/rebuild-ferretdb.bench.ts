import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, IndexDescriptionInfo, MongoClient } from 'mongodb';
import { SqliteEventStore } from '@keyledger/event-store';
import { ALL_PROJECTIONS, MongoReadStore, ProjectionRunner } from '@keyledger/read-models';
import { envCount } from '../test/support/scale';
import { Goal, percent } from './goals';
import { appendGovernanceHistory } from './rebuild-history';
import { BenchRow, BenchTable } from './table';

/** FerretDB on SQLite is slow: a history that rebuilds in a minute or two on two shared cores. */
const DEFAULT_EVENTS = 10_000;
/** Events per rebuild page (`REBUILD_FERRETDB_BATCH`): what `npm run cli -- rebuild` reads. */
const DEFAULT_BATCH = 5_000;

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/** Copies of the rebuilt collections' documents and indexes, by collection name without the prefix. */
interface RebuiltCollection {
  readonly name: string;
  readonly documents: Record<string, unknown>[];
  readonly indexes: IndexDescriptionInfo[];
}

async function rebuiltCollections(db: Db, prefix: string): Promise<RebuiltCollection[]> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => name.startsWith(prefix) && !name.endsWith('projection_checkpoints'));
  return Promise.all(
    names.map(async (name) => ({
      name: name.slice(prefix.length),
      documents: await db.collection(name).find({}).toArray(),
      indexes: (await db.collection(name).indexes()).filter((index) => index.name !== '_id_'),
    })),
  );
}

/** FerretDB's own bulk write of the same documents: one insertMany per collection, in chunks of `batch`. */
async function bulkInsert(
  db: Db,
  prefix: string,
  collections: readonly RebuiltCollection[],
  batch: number,
  indexesFirst: boolean,
): Promise<number> {
  const started = process.hrtime.bigint();
  const createIndexes = async ({ name, indexes }: RebuiltCollection) => {
    for (const { key, unique } of indexes)
      await db.collection(prefix + name).createIndex(key, { unique: unique === true });
  };
  for (const collection of collections) {
    if (indexesFirst) await createIndexes(collection);
    const target = db.collection(prefix + collection.name);
    for (let from = 0; from < collection.documents.length; from += batch)
      await target.insertMany(
        collection.documents.slice(from, from + batch).map((document) => ({ ...document })),
        { ordered: false },
      );
    if (!indexesFirst) await createIndexes(collection);
  }
  return seconds(started);
}

/** Stored documents replaced one at a time, to time FerretDB's own update. */
const UPDATES = 20;

/**
 * FerretDB's own cost of replacing a stored document by `_id` (what a document changed in a later
 * batch costs any writer), in ms per document, over the largest bulk-loaded collection.
 */
async function replaceCost(db: Db, prefix: string, collections: readonly RebuiltCollection[]) {
  const largest = [...collections].sort((a, b) => b.documents.length - a.documents.length)[0];
  const target = db.collection<{ _id: string }>(prefix + largest.name);
  const chosen = largest.documents.slice(0, UPDATES);
  const started = process.hrtime.bigint();
  for (const { _id, ...fields } of chosen) await target.replaceOne({ _id: String(_id) }, fields);
  return { collection: largest, msPerDocument: (seconds(started) * 1000) / chosen.length };
}

/**
 * The read-model rebuild into FerretDB (`MONGO_URL`) against FerretDB's own bulk insert of the
 * documents it produced, in the same run and database: `REBUILD_FERRETDB_EVENTS` events of the
 * generated governance history replayed through every projection, then the same final documents
 * written by plain `insertMany` with their indexes declared first (as the rebuild has them) and
 * built after the load. Rates are final documents per second, so both count the same work.
 */
export async function rebuildFerretdbBench(): Promise<{ tables: BenchTable[]; goals: Goal[] }> {
  const url = process.env.MONGO_URL;
  if (!url) {
    const skipped =
      'SKIPPED: MONGO_URL is not set (bash .ci/ferretdb.sh start; MONGO_URL=$(cat .ci-ferretdb.url))';
    console.error(`rebuild-ferretdb: ${skipped}`);
    return { tables: [{ title: 'Rebuild into FerretDB', rows: [{ result: skipped }] }], goals: [] };
  }
  const eventCount = envCount('REBUILD_FERRETDB_EVENTS', DEFAULT_EVENTS);
  const batch = envCount('REBUILD_FERRETDB_BATCH', DEFAULT_BATCH);
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-ferretdb-bench-'));
  const database = `keyledger_bench_${randomUUID().slice(0, 8)}`;
  const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const client = await MongoClient.connect(url);
  const db = client.db(database);
  try {
    console.error(`rebuild-ferretdb: generating ${eventCount} events…`);
    await appendGovernanceHistory(events, { events: eventCount });
    const store = await MongoReadStore.connect(url, { database, prefix: 'rebuilt_' });
    const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
      logger: { error: (message, context) => console.error(message, context) },
      rebuildBatchSize: batch,
    });
    console.error('rebuild-ferretdb: rebuilding…');
    const summary = await runner.rebuild('all');
    await store.close();
    const collections = await rebuiltCollections(db, 'rebuilt_');
    const documents = collections.reduce((sum, { documents }) => sum + documents.length, 0);
    console.error(`rebuild-ferretdb: bulk-inserting the ${documents} documents…`);
    const indexedFirst = await bulkInsert(db, 'bulk_indexed_', collections, batch, true);
    const indexedAfter = await bulkInsert(db, 'bulk_loaded_', collections, batch, false);
    const replaced = await replaceCost(db, 'bulk_loaded_', collections);
    const rate = (s: number) => Math.round(documents / s);
    const rows: BenchRow[] = [
      {
        write: `rebuild, every projection (${summary.events} events, batch ${batch})`,
        documents,
        seconds: Number(summary.seconds.toFixed(2)),
        documents_per_s: rate(summary.seconds),
        events_per_s: Math.round(summary.events / summary.seconds),
      },
      {
        write: 'insertMany of the same documents, indexes declared first',
        documents,
        seconds: Number(indexedFirst.toFixed(2)),
        documents_per_s: rate(indexedFirst),
      },
      {
        write: 'insertMany of the same documents, indexes built after',
        documents,
        seconds: Number(indexedAfter.toFixed(2)),
        documents_per_s: rate(indexedAfter),
      },
      {
        write: `FerretDB's own replaceOne by _id of a stored document (${replaced.collection.name}, ${replaced.collection.documents.length} documents)`,
        documents: UPDATES,
        ms_per_document: Number(replaced.msPerDocument.toFixed(1)),
      },
    ];
    const bulk = Math.min(indexedFirst, indexedAfter);
    return {
      tables: [{ title: `Rebuild into FerretDB (MONGO_URL) against its own bulk insert`, rows }],
      goals: [
        {
          goal: 'rebuild into FerretDB ≥ 50% of its own bulk-insert rate of the same documents',
          measured: percent(bulk, summary.seconds),
          met: bulk >= 0.5 * summary.seconds,
        },
      ],
    };
  } finally {
    await db.dropDatabase();
    await client.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
