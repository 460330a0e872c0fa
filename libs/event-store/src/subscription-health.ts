import { EventStoreErrorKind } from './event-store-error';

/** One dropped subscription, as its adapter saw it. */
export interface SubscriptionDrop {
  /** The store error kind, or `unknown` for a failure the adapter could not classify. */
  readonly kind: EventStoreErrorKind | 'unknown' | 'ended_by_server';
  readonly message: string;
  /** Permanent drops are not retried: the subscription's iteration throws. */
  readonly permanent: boolean;
  /** The last position delivered (or passed by a server checkpoint) before the drop. */
  readonly position: number;
  /** Consecutive drops without progress, this one included. */
  readonly attempt: number;
  /** Wait before resubscribing; null when permanent. */
  readonly retryInMs: number | null;
}

/** `ok`, `degraded` (a subscription is retrying) or `failed` (one gave up). */
export type SubscriptionHealthStatus = 'ok' | 'degraded' | 'failed';

/** What the health route and metrics report. */
export interface SubscriptionHealthReport {
  readonly status: SubscriptionHealthStatus;
  readonly drops_total: number;
  readonly last_drop: SubscriptionDrop | null;
}

/**
 * Tracks the subscriptions of one store: told of every drop and recovery by the adapter, it
 * tells its listeners (log, metric) and answers the health route. A subscription that gave up
 * keeps the store failed until the process restarts.
 */
export class SubscriptionHealth {
  private readonly retrying = new Set<object>();
  private failed = false;
  private dropsTotal = 0;
  private lastDrop: SubscriptionDrop | null = null;
  private readonly listeners = new Set<(drop: SubscriptionDrop) => void>();

  /** Calls `listener` for every later drop; returns a function that removes it. */
  onDrop(listener: (drop: SubscriptionDrop) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a drop of `subscription` (any object identifying it). */
  dropped(subscription: object, drop: SubscriptionDrop): void {
    this.dropsTotal++;
    this.lastDrop = drop;
    if (drop.permanent) {
      this.failed = true;
      this.retrying.delete(subscription);
    } else this.retrying.add(subscription);
    for (const listener of [...this.listeners]) listener(drop);
  }

  /** Records that `subscription` delivers again, or was closed. */
  recovered(subscription: object): void {
    this.retrying.delete(subscription);
  }

  /** The current state, for /health and metrics. */
  report(): SubscriptionHealthReport {
    const status = this.failed ? 'failed' : this.retrying.size > 0 ? 'degraded' : 'ok';
    return { status, drops_total: this.dropsTotal, last_drop: this.lastDrop };
  }
}

/** A pino-shaped logger: fields first, then the message. */
export interface DropLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Logs every drop of `health` with its context: a warning while retrying, an error on giving up. */
export function logSubscriptionDrops(health: SubscriptionHealth, log: DropLog): () => void {
  return health.onDrop((drop) => {
    if (drop.permanent) {
      log.error(
        { drop },
        'event store subscription failed for good; its consumer has stopped: fix the cause and restart',
      );
    } else {
      log.warn({ drop }, `event store subscription dropped; resubscribing in ${drop.retryInMs} ms`);
    }
  });
}
