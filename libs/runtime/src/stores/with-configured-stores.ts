import { EventStore } from '@keyledger/event-store';
import { ReadStore } from '@keyledger/read-models';
import { AppConfig } from '../config/app-config';
import { openEventStore, openReadStore } from './open-stores';

/** The configured stores, open. */
export interface ConfiguredStores {
  readonly events: EventStore;
  readonly store: ReadStore;
}

/** Opens the read store for a process; by default the configured one (openReadStore). */
export type ReadStoreOpener = (config: AppConfig, events: EventStore) => Promise<ReadStore>;

/**
 * Opens the configured event and read stores, lends them to `use`, and closes both whatever
 * happens (the read store first, then the event store it was fed from). `openStore` replaces
 * how the read store is opened (a CLI command building one in memory from the events).
 */
export async function withConfiguredStores<T>(
  config: AppConfig,
  use: (stores: ConfiguredStores) => Promise<T>,
  openStore: ReadStoreOpener = (c) => openReadStore(c.readStore),
): Promise<T> {
  const events = openEventStore(config.eventStore);
  try {
    const store = await openStore(config, events);
    try {
      return await use({ events, store });
    } finally {
      await store.close();
    }
  } finally {
    await events.close();
  }
}
