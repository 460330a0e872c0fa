import { randomBytes, randomUUID } from 'node:crypto';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { systemClock } from '@keyledger/domain';
import { EventStore, logSubscriptionDrops, ObservedEventStore } from '@keyledger/event-store';
import { ProjectionRunner, ReadStore } from '@keyledger/read-models';
import {
  APP_CONFIG,
  AppConfig,
  openEventStore,
  openReadStore,
  servedProjections,
} from '@keyledger/runtime';
import { CLOCK, EVENT_STORE, ID_GENERATOR, READ_STORE, SECRET_GENERATOR } from './tokens';

/** How often an API that shares a projector reads the stored checkpoints (read-your-writes). */
const EXTERNAL_CHECKPOINT_POLL_MS = 50;

/**
 * Starts the projections (or, when a separate projector runs them, follows its checkpoints)
 * before the service takes traffic, and closes the stores last.
 */
@Injectable()
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('read-models');

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    if (this.config.projections === 'external') {
      this.runner.observe(EXTERNAL_CHECKPOINT_POLL_MS);
      this.logger.log('projections run by a separate projector: following its checkpoints');
      return;
    }
    await this.runner.start();
    // Serve nothing stale: wait until the read models hold everything already stored.
    while (!(await this.runner.catchUp(5_000))) {
      if (this.runner.error) throw this.runner.error;
      this.logger.log(`catching up: ${JSON.stringify(await this.runner.lag())}`);
    }
    this.logger.log(
      `read models ready at position ${this.runner.appliedPosition} in ${Date.now() - started} ms`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.readStore.close();
    await this.events.close();
  }
}

/** Stores, the projection runner, and the clock / id / randomness ports. */
@Global()
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Observed, so in-process caches apply this instance's writes before they answer.
        {
          provide: EVENT_STORE,
          useFactory: () => {
            const events = new ObservedEventStore(openEventStore(config.eventStore));
            logSubscriptionDrops(events.subscriptionHealth, new Logger('event-store'));
            return events;
          },
        },
        { provide: READ_STORE, useFactory: () => openReadStore(config.readStore) },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_STORE],
          useFactory: (events: EventStore, store: ReadStore) =>
            new ProjectionRunner(events, store, servedProjections(config), {
              logger: {
                error: (message, error) => new Logger('read-models').error({ err: error }, message),
              },
            }),
        },
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: { next: () => randomUUID() } },
        {
          provide: SECRET_GENERATOR,
          useValue: { randomHex: (bytes: number) => randomBytes(bytes).toString('hex') },
        },
        StoreLifecycle,
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        READ_STORE,
        ProjectionRunner,
        CLOCK,
        ID_GENERATOR,
        SECRET_GENERATOR,
      ],
    };
  }
}
