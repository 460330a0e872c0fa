import { EventStore } from '@keyledger/event-store';
import {
  ALL_PROJECTIONS,
  AUDIT_ENTRY_DOCUMENTS,
  AuditEntryDocument,
  describeBehind,
  DocumentCollection,
  isBehind,
  KEY_DOCUMENTS,
  KeyDocument,
  MemoryReadStore,
  ProjectionRunner,
  ReadStore,
} from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import {
  AppConfig,
  KeyUsageLookup,
  loadConfig,
  openReadStore,
  resolutionSettingsOf,
  withConfiguredStores,
} from '@keyledger/runtime';
import { CliOutput } from './cli-output';
import { eventStoreExists } from './open-event-store';

/** What a report reads: the event store, the keys read model, and each key's usage. */
export interface GovernanceTools {
  readonly events: EventStore;
  readonly keys: DocumentCollection<KeyDocument>;
  readonly auditEntries: DocumentCollection<AuditEntryDocument>;
  readonly usageOf: KeyUsageLookup;
}

/**
 * Opens the configured stores and lends `use` the keys and their usage, closing everything after;
 * resolves undefined (exit code 2) when there is no event store. With READ_STORE=memory the keys
 * read model is built here from the events first (it lives in no other process); with MongoDB
 * the shared read model is read as it is, with a note if it trails the event store. Usage comes
 * from a resolution engine loaded as the API's is (snapshot, then events), so the figures are the API's own.
 */
export async function withGovernanceTools<T>(
  output: CliOutput,
  use: (tools: GovernanceTools) => Promise<T>,
): Promise<T | undefined> {
  const config = loadConfig();
  if (!eventStoreExists(config.eventStore, output)) return undefined;
  return withConfiguredStores(
    config,
    async ({ events, store }) => {
      const engine = await ResolutionEngine.open(events, resolutionSettingsOf(config), {
        onError: (error) => output.problem(`usage counters: ${String(error)}`),
        snapshot: store,
      });
      try {
        return await use({
          events,
          keys: store.collection(KEY_DOCUMENTS),
          auditEntries: store.collection(AUDIT_ENTRY_DOCUMENTS),
          usageOf: (id, now) => engine.usage(id, now),
        });
      } finally {
        await engine.close();
      }
    },
    (c, events) => keysReadModel(c, events, output),
  );
}

/** The read store holding the keys and the audit log: fresh in-process projections for memory, else the shared one. */
async function keysReadModel(
  config: AppConfig,
  events: EventStore,
  output: CliOutput,
): Promise<ReadStore> {
  if (config.readStore.kind === 'memory') {
    const store = new MemoryReadStore();
    const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
      logger: { error: (message) => output.problem(message) },
    });
    await runner.rebuild();
    return store;
  }
  const store = await openReadStore(config.readStore);
  const lag = await new ProjectionRunner(events, store, ALL_PROJECTIONS, {
    logger: { error: (message) => output.problem(message) },
  }).lag();
  if (isBehind(lag)) {
    output.problem(
      `note: the read models trail the event store by ${describeBehind(lag)}; is the projector running?`,
    );
  }
  return store;
}
