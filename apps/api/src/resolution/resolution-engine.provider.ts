import { Logger, Provider } from '@nestjs/common';
import { ObservedEventStore } from '@keyledger/event-store';
import { ReadStore } from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig, resolutionSettingsOf } from '@keyledger/runtime';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';

/**
 * The process's resolution engine: loaded before the service takes traffic (from the resolution
 * snapshot in the read store when there is one, then the events after its checkpoint), then kept
 * current by its subscription and, for this instance's own writes, before each write answers.
 */
export const resolutionEngineProvider: Provider = {
  provide: ResolutionEngine,
  inject: [APP_CONFIG, EVENT_STORE, READ_STORE],
  useFactory: async (config: AppConfig, events: ObservedEventStore, readStore: ReadStore) => {
    const logger = new Logger('resolution');
    const started = Date.now();
    const engine = await ResolutionEngine.open(events, resolutionSettingsOf(config), {
      onError: (error) => logger.error({ err: error }, 'resolution feed or usage flush failed'),
      snapshot: readStore,
    });
    const snapshot = engine.loadedSnapshot;
    logger.log(
      `resolution model ready in ${Date.now() - started} ms: ` +
        (snapshot === null
          ? 'replayed the event store (no snapshot)'
          : `snapshot of ${snapshot.documents} documents at position ${snapshot.checkpoint}, then the events after it`),
    );
    events.observeAppends((stream) => engine.applyOwnWrite(stream));
    return engine;
  },
};
