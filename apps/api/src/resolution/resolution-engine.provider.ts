import { Logger, Provider } from '@nestjs/common';
import { ObservedEventStore } from '@keyledger/event-store';
import { ReadStore } from '@keyledger/read-models';
import { RedisRateLimiter, ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig, resolutionSettingsOf } from '@keyledger/runtime';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { ServiceMetrics } from '../metrics/service-metrics';

/**
 * The process's resolution engine: loaded before the service takes traffic (from the resolution
 * snapshot in the read store when there is one, then the events after its checkpoint), then kept
 * current by its subscription and, for this instance's own writes, before each write answers.
 */
export const resolutionEngineProvider: Provider = {
  provide: ResolutionEngine,
  inject: [APP_CONFIG, EVENT_STORE, READ_STORE, ServiceMetrics],
  useFactory: async (
    config: AppConfig,
    events: ObservedEventStore,
    readStore: ReadStore,
    metrics: ServiceMetrics,
  ) => {
    const logger = new Logger('resolution');
    const started = Date.now();
    const { redisUrl, redisTimeoutMs } = config.rateLimits;
    // Every fallback is counted; the log says so at most every 10 s, not once per request.
    let loggedAt = -Infinity;
    const rateLimiter =
      redisUrl === null
        ? undefined
        : RedisRateLimiter.connect(redisUrl, {
            commandTimeoutMs: redisTimeoutMs,
            onFallback: (error) => {
              metrics.rateLimitFellBack();
              if (Date.now() - loggedAt < 10_000) return;
              loggedAt = Date.now();
              logger.warn(
                { err: error },
                'Redis did not answer: rate limits counted by this instance alone',
              );
            },
          });
    // Start even if Redis is down: rate limits fall back to per-instance counts meanwhile.
    if (rateLimiter !== undefined && !(await rateLimiter.whenReady(redisTimeoutMs * 8))) {
      logger.warn('Redis not reachable at start: rate limits counted per instance until it is');
    }
    const engine = await ResolutionEngine.open(events, resolutionSettingsOf(config), {
      onError: (error) => logger.error({ err: error }, 'resolution feed or usage flush failed'),
      snapshot: readStore,
      rateLimiter,
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
