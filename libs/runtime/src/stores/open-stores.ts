import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EsdbEventStore, EventStore, SqliteEventStore } from '@keyledger/event-store';
import {
  ALL_PROJECTIONS,
  MemoryReadStore,
  MongoReadStore,
  ReadStore,
  RunnableProjection,
  SqliteReadStore,
  usageBucketsRunnable,
} from '@keyledger/read-models';
import { RESOLUTION_PROJECTION } from '@keyledger/resolution';
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

/**
 * The projections a runner keeps in the configured read store: every read model, and the
 * resolution snapshot wherever the store outlives the process (in memory it would only double
 * what the resolution engine holds, and no later start could read it).
 */
export function servedProjections(
  config: Pick<AppConfig, 'readStore' | 'analytics'>,
): readonly RunnableProjection[] {
  const analytics = usageBucketsRunnable(config.analytics.hourlyRetentionDays * DAY_MS);
  const resolution = config.readStore.kind === 'memory' ? [] : [RESOLUTION_PROJECTION];
  return [...ALL_PROJECTIONS, analytics, ...resolution];
}

const DAY_MS = 86_400_000;
