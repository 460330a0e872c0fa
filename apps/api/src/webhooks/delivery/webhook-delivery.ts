import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { httpSender, WebhookLedger, WebhookWorker } from '@keyledger/webhooks';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import { WebhookTargets } from '../webhook-targets';

/**
 * Outbound delivery inside the API process: with WEBHOOKS=on the worker follows the event store
 * from its own checkpoint while the app runs. Its ledger (DATA_DIR/webhooks.sqlite) is also the
 * delivery log the API reads; with WEBHOOKS=off the same file is opened only to read it, so
 * that a worker running elsewhere on the same data directory still shows its log here.
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('webhooks');
  private readonly worker: WebhookWorker | null;
  /** Deliveries and attempts per subscription. */
  readonly ledger: WebhookLedger;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(CLOCK) clock: Clock,
    targets: WebhookTargets,
  ) {
    const settings = config.webhooks;
    if (settings.usesDevSecretKey) {
      this.logger.warn(
        'WEBHOOK_SECRET_KEY is not set: signing secrets derive from the public development key. Never do this in production.',
      );
    }
    mkdirSync(dirname(settings.ledgerFile), { recursive: true });
    this.worker = settings.worker
      ? new WebhookWorker(events, {
          databaseFile: settings.ledgerFile,
          serverKey: settings.secretKey,
          retry: settings.retry,
          clock,
          sender: httpSender({ timeoutMs: settings.timeoutMs, targets: targets.policy }),
          onError: (error) =>
            this.logger.error(
              { err: error },
              'webhook delivery stopped; it resumes from its checkpoint at the next start',
            ),
        })
      : null;
    this.ledger = this.worker?.ledger ?? new WebhookLedger(settings.ledgerFile);
  }

  onApplicationBootstrap(): void {
    this.worker?.start();
  }

  /** Before the stores close (onApplicationShutdown): the worker still reads the event store. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker) await this.worker.close();
    else this.ledger.close();
  }
}
