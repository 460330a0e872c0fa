import { Clock } from '@keyledger/domain';
import { KeyUsageRecorded, keyUsageStream } from '@keyledger/domain/usage/usage.events';
import { EventMetadata, EventStore } from '@keyledger/event-store';
import { PendingUsage } from './pending-usage';
import { ResolutionModel } from './resolution-model';

/**
 * Appends the usage this instance counted as `KeyUsageRecorded` events, every interval and on
 * close. One append per key per flush, with expected revision `any`: usage commutes, so
 * instances never conflict. A failed append is kept and retried first at the next flush; usage
 * is lost only if the process dies before a successful flush (at most one interval's worth).
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
  ) {}

  /** Flushes every `intervalMs` until closed; the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.flush().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  /** Appends everything counted so far; flushes run one at a time, in call order. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.flushOnce());
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
    const failures: unknown[] = [];
    for (const [keyId, events] of batches) {
      try {
        await this.store.append(keyUsageStream(keyId), events, {
          expectedRevision: 'any',
          metadata: this.metadata(keyId),
        });
      } catch (error) {
        this.unsent.set(keyId, events);
        failures.push(error);
      }
    }
    if (failures.length > 0) {
      throw new AggregateError(
        failures,
        `usage of ${failures.length} key(s) not flushed; kept for retry`,
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
      schema_version: 1,
    };
  }
}
