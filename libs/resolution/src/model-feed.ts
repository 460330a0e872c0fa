import { EventStore, EventSubscription } from '@keyledger/event-store';
import { ResolutionModel } from './resolution-model';

interface Waiter {
  readonly position: number;
  readonly settle: (reached: boolean) => void;
  readonly fail: (error: unknown) => void;
}

/** The usage streams are only ever read in global order: see `catchUpStream`. */
const USAGE_STREAM_PREFIX = 'key_usage-';

/**
 * Keeps a resolution model current: a store subscription from the model's position, caught up
 * at start and followed live. The subscription takes every event (no filter) so that any
 * position a writer was given can be waited for.
 */
export class ModelFeed {
  private subscription: EventSubscription | null = null;
  private waiters: Waiter[] = [];
  private ended: { readonly error: unknown } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly model: ResolutionModel,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Subscribes and resolves once every event stored when called has been folded in. */
  async start(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribe({ fromPosition: this.model.position });
    void this.follow(this.subscription);
    if (!(await this.waitForPosition(head)))
      throw new Error('the event store closed during catch-up');
  }

  /**
   * Resolves true once the model has folded every event up to `position`, or false after
   * `timeoutMs` (or when the feed ends); rejects if the subscription failed.
   */
  waitForPosition(position: number, timeoutMs?: number): Promise<boolean> {
    if (this.model.position >= position) return Promise.resolve(true);
    if (this.ended !== null) {
      return this.ended.error === null ? Promise.resolve(false) : Promise.reject(this.ended.error);
    }
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs === undefined ? undefined : setTimeout(() => settle(false), timeoutMs);
      const settle = (reached: boolean): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        resolve(reached);
      };
      const entry: Waiter = {
        position,
        settle,
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(entry);
    });
  }

  /**
   * Folds a key, preference or default stream's latest events at once, ahead of the
   * subscription: the instance that appended a revoke, disable or limit change applies it before
   * it answers. Usage streams are refused: their events carry no per-stream bookkeeping, so only
   * the global order may deliver them (exactly once).
   */
  async catchUpStream(stream: string): Promise<void> {
    if (stream.startsWith(USAGE_STREAM_PREFIX)) {
      throw new RangeError(`${stream}: usage streams are only followed through the subscription`);
    }
    for (const event of await this.store.readStream(stream)) this.model.apply(event, false);
  }

  /** Ends the subscription; pending waits resolve false. */
  async close(): Promise<void> {
    await this.subscription?.close();
  }

  private async follow(subscription: EventSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.model.apply(event);
        if (this.waiters.length > 0) this.release();
      }
      this.end(null);
    } catch (error) {
      this.end(error);
      this.onError(error);
    }
  }

  private release(): void {
    for (const waiter of this.waiters) {
      if (waiter.position <= this.model.position) waiter.settle(true);
    }
  }

  private end(error: unknown): void {
    this.ended = { error };
    for (const waiter of this.waiters) {
      if (error === null) waiter.settle(false);
      else waiter.fail(error);
    }
    this.waiters = [];
  }
}
