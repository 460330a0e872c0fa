import { Logger, Provider } from '@nestjs/common';
import { ObservedEventStore } from '@keyledger/event-store';
import { ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../infrastructure/tokens';
import { resolutionSettingsOf } from './resolution-settings-of';

/**
 * The process's resolution engine: loaded from the event store before the service takes
 * traffic, then kept current by its subscription and, for this instance's own writes, before
 * each write answers.
 */
export const resolutionEngineProvider: Provider = {
  provide: ResolutionEngine,
  inject: [APP_CONFIG, EVENT_STORE],
  useFactory: async (config: AppConfig, events: ObservedEventStore) => {
    const logger = new Logger('resolution');
    const engine = await ResolutionEngine.open(events, resolutionSettingsOf(config), {
      onError: (error) => logger.error({ err: error }, 'resolution feed or usage flush failed'),
    });
    events.observeAppends((stream) => engine.applyOwnWrite(stream));
    return engine;
  },
};
