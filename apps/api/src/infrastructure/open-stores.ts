import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EsdbEventStore, EventStore, SqliteEventStore } from '@keyledger/event-store';
import {
  MemoryReadStore,
  MongoReadStore,
  ReadStore,
  SqliteReadStore,
} from '@keyledger/read-models';
import { AppConfig } from '../config/app-config';

/** The configured event store: the embedded SQLite file by default. */
export function openEventStore(config: AppConfig['eventStore']): EventStore {
  if (config.kind === 'esdb') return new EsdbEventStore({ connectionString: config.url });
  mkdirSync(dirname(config.file), { recursive: true });
  return new SqliteEventStore({ file: config.file });
}

/** The configured read store: the embedded SQLite file by default. */
export async function openReadStore(config: AppConfig['readStore']): Promise<ReadStore> {
  if (config.kind === 'mongo') return MongoReadStore.connect(config.url);
  if (config.kind === 'memory') return new MemoryReadStore();
  mkdirSync(dirname(config.file), { recursive: true });
  return new SqliteReadStore({ file: config.file });
}
