import { Clock } from '@keyledger/domain';
import {
  KeyUsageRecorded,
  keyUsageStream,
  USAGE_SCHEMA_VERSION,
} from '@keyledger/domain/usage/usage.events';
import { EventMetadata, EventStore, PartialBatchError } from '@keyledger/event-store';
import { PendingUsage } from './pending-usage';
import { ResolutionModel } from './resolution-model';

/**
 * Appends the usage this instance counted as `KeyUsageRecorded` events, every interval and on
 * close: every key's events in one `appendBatch` (one commit and fsync on SQLite, instead of one
 * per key, each blocking the event loop), with expected revision `any`: usage commutes, so
 * instances never conflict. A failed flush keeps what it did not write and retries it first at
 * the next flush; usage is lost only if the process dies before a successful flush (at most one
 * interval's worth).
 */
export class UsageFlusher {
  private timer: NodeJS.Timeout | undefined;
  private unsent = new Map<string, readonly KeyUsageRecorded[]>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly pending: PendingUsage,
    private readonly model: ResolutionModel,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    /** Runs after every flush, written or not: the limit alerts' check. */
    private readonly afterFlush: () => Promise<void> = async () => undefined,
  ) {}

  /** Flushes every `intervalMs` until closed; the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.flush().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  /** Appends everything counted so far; flushes run one at a time, in call order. */
  flush(): Promise<void> {
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(() => this.flushOnce())
      .finally(() => this.afterFlush());
    return this.flushing;
  }

  /** Stops the timer and flushes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async flushOnce(): Promise<void> {
    const batches = this.unsent;
    this.unsent = new Map();
    for (const [keyId, events] of this.pending.drain()) {
      batches.set(keyId, [...(batches.get(keyId) ?? []), ...events]);
    }
    if (batches.size === 0) return;
    const entries = [...batches];
    const appends = entries.map(([keyId, events]) => ({
      stream: keyUsageStream(keyId),
      events,
      options: { expectedRevision: 'any' as const, metadata: this.metadata(keyId) },
    }));
    try {
      await this.store.appendBatch(appends);
    } catch (error) {
      // A store without multi-stream transactions (ESDB) may have written the first appends.
      const written = error instanceof PartialBatchError ? error.appended : 0;
      for (const [keyId, events] of entries.slice(written)) this.unsent.set(keyId, events);
      throw new AggregateError(
        [error],
        `usage of ${appends.length - written} key(s) not flushed; kept for retry`,
        { cause: error },
      );
    }
  }

  /** The key acted (its requests were the usage); the instance id is in the payload. */
  private metadata(keyId: string): EventMetadata {
    return {
      actor: { kind: 'api_key', id: keyId },
      org_id: this.model.keyById(keyId)?.org_id ?? null,
      request_id: null,
      correlation_id: null,
      causation_id: null,
      ip: null,
      user_agent: null,
      occurred_at: this.clock.now().toISOString(),
      schema_version: USAGE_SCHEMA_VERSION,
    };
  }
}
