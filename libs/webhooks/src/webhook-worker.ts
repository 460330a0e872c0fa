import { Clock, keyStream, limitAlertStream, orgStream, systemClock } from '@keyledger/domain';
import { webhookSigningSecret, webhookStream } from '@keyledger/domain/webhooks';
import { EventStore, EventSubscription } from '@keyledger/event-store';
import { batchesOf } from '@keyledger/read-models';
import { DueDelivery } from './delivery';
import { Doorbell } from './doorbell';
import { afterFailure, DEFAULT_RETRY_POLICY, Random, RetryPolicy } from './retry-policy';
import { sendDelivery } from './send-delivery';
import { realSleep, Sleep, untilAborted } from './sleep';
import { WebhookLedger } from './webhook-ledger';
import { httpSender, WebhookSender } from './webhook-sender';

/** Where the worker keeps its state, how it signs, and the ports tests replace. */
export interface WebhookWorkerOptions {
  /** The worker's own SQLite file (created if missing); one worker per file. */
  readonly databaseFile: string;
  /** The server key every signing secret is derived from (see webhookSigningSecret). */
  readonly serverKey: string;
  readonly retry?: RetryPolicy;
  /** Deliveries attempted at once; 8 by default. */
  readonly concurrency?: number;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly sender?: WebhookSender;
  readonly random?: Random;
  /** Told when a loop stops on a storage failure; nothing is skipped, a restart resumes. */
  readonly onError?: (error: unknown) => void;
}

const DEFAULT_CONCURRENCY = 8;
/** Events taken in at most between two turns of the event loop. */
const INTAKE_BATCH = 500;

/** The event streams that can cause or route a delivery. */
const STREAM_PREFIXES = [keyStream(''), webhookStream(''), orgStream(''), limitAlertStream('')];

/**
 * Delivers key lifecycle events to webhook subscriptions. Intake follows the event store's global
 * order from the ledger's checkpoint and enqueues deliveries; dispatch sends those that are due,
 * signed, retrying failures with backoff until the policy gives up. Delivery is at least once per
 * (subscription, event) and never again once a success is recorded.
 */
export class WebhookWorker {
  /** The worker's state, also readable for delivery status and the delivery log. */
  readonly ledger: WebhookLedger;
  private readonly stopping = new AbortController();
  /** Never aborted: attempts end by answer or by the sender's own timeout. */
  private readonly inFlight = new AbortController();
  private readonly doorbell = new Doorbell();
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly sender: WebhookSender;
  private readonly random: Random;
  private subscription: EventSubscription | null = null;
  private loops: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    private readonly options: WebhookWorkerOptions,
  ) {
    // Derive once now, so that a bad server key stops start-up rather than every delivery.
    webhookSigningSecret(options.serverKey, 'start-up check', 1);
    this.ledger = new WebhookLedger(options.databaseFile);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.sender = options.sender ?? httpSender();
    this.random = options.random ?? Math.random;
  }

  /** Starts following the event store and delivering; call once. */
  start(): void {
    if (this.subscription) throw new Error('the webhook worker is already running');
    this.subscription = this.events.subscribe({
      fromPosition: this.ledger.checkpoint(),
      filter: { streamPrefixes: STREAM_PREFIXES },
    });
    this.loops = Promise.all([
      this.guarded(this.intake(this.subscription)),
      this.guarded(this.dispatch()),
    ]);
  }

  /**
   * Stops both loops and closes the ledger once the attempts in flight have finished (each is
   * bounded by the sender's timeout) and their outcome is recorded: a delivery the endpoint
   * acknowledged during shutdown is never sent again.
   */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.close();
    await this.loops;
    this.ledger.close();
  }

  private async guarded(loop: Promise<void>): Promise<void> {
    try {
      await loop;
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * Batch by batch, each in one commit and letting the event loop turn once: history is read from
   * SQLite, which answers at once, and a catch-up of millions of events would otherwise hold the
   * event loop (timers, HTTP, logs) until it ends.
   */
  private async intake(subscription: EventSubscription): Promise<void> {
    for await (const events of batchesOf(subscription, INTAKE_BATCH)) {
      if (this.ledger.ingestAll(events) > 0) this.doorbell.ring();
    }
  }

  private async dispatch(): Promise<void> {
    const concurrency = this.options.concurrency ?? DEFAULT_CONCURRENCY;
    while (!this.stopping.signal.aborted) {
      // Taken before looking, so that a delivery enqueued meanwhile cuts the wait short.
      const woken = AbortSignal.any([this.stopping.signal, this.doorbell.signal()]);
      const now = this.clock.now().getTime();
      const due = this.ledger.due(now, concurrency);
      if (due.length > 0) {
        await Promise.all(due.map((delivery) => this.attempt(delivery)));
        continue;
      }
      const next = this.ledger.nextDueAt();
      await (next === null ? untilAborted(woken) : this.sleep(next - now, woken));
    }
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const { serverKey } = this.options;
    const secret = webhookSigningSecret(
      serverKey,
      delivery.subscription_id,
      delivery.secret_version,
    );
    // Not cut short by close(): an answer the endpoint gives is recorded, so never resent.
    const { retryable, ...outcome } = await sendDelivery(
      delivery,
      secret,
      this.sender,
      this.clock,
      this.inFlight.signal,
    );
    // The backoff counts from the end of the attempt the log records, so the schedule a
    // subscriber reads back is exactly the policy's, however busy this process was.
    const failedAt = Date.parse(outcome.attempted_at) + outcome.duration_ms;
    this.ledger.settle(
      delivery,
      outcome,
      outcome.error === null
        ? { status: 'delivered' }
        : retryable
          ? afterFailure(this.retry, delivery.attempts + 1, failedAt, this.random)
          : { status: 'dead' },
    );
  }
}
