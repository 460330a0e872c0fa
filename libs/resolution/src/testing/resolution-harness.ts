import { KeyCreated, KeyEvent } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { PendingUsage } from '../pending-usage';
import { ResolutionModel } from '../resolution-model';
import { ResolutionSettings } from '../resolution-settings';
import { RateLimiter } from '../rate-limiter';
import { ResolveOutcome, ResolveRequest } from '../resolve-outcome';
import { Resolver } from '../resolver';
import { answeredAtOnce } from './answered-at-once';
import { DomainEvent, EventLog } from './event-log';
import { keyCreated, testSettings } from './key-fixtures';

/** A resolver over a model fed from an in-memory event log: specs without a store or timers. */
export class ResolutionHarness {
  readonly log = new EventLog();
  readonly model: ResolutionModel;
  readonly pending: PendingUsage;
  readonly resolver: Resolver;

  constructor(
    readonly settings: ResolutionSettings = testSettings(),
    readonly instanceId = 'instance-a',
    rateLimiter?: RateLimiter,
  ) {
    this.model = new ResolutionModel(instanceId);
    this.pending = new PendingUsage(instanceId);
    this.resolver = new Resolver(this.model, this.pending, settings, rateLimiter);
  }

  /** Resolves with this process's own rate limiter, which always answers at once. */
  resolve(request: ResolveRequest, now: Date): ResolveOutcome {
    return answeredAtOnce(this.resolver.resolve(request, now));
  }

  /** Records an event on `stream` and folds it into the model. */
  apply(stream: string, event: DomainEvent): RecordedEvent {
    const stored = this.log.record(stream, event);
    this.model.apply(stored);
    return stored;
  }

  /** Creates key `k<n>` (secret `secretOf(n)`). */
  createKey(n: number, overrides: Partial<KeyCreated['data']> = {}): void {
    this.apply(`key-k${n}`, keyCreated(n, overrides));
  }

  /** Records a later event of key `k<n>`; `key_id` is filled in. */
  changeKey(n: number, event: KeyEventWithoutId): RecordedEvent {
    return this.apply(`key-k${n}`, keyEventOf(n, event));
  }

  /** Appends what the instance counted to the log, as the flusher would, and folds it in. */
  flush(): void {
    for (const [keyId, events] of this.pending.drain()) {
      for (const event of events) this.apply(`key_usage-${keyId}`, event);
    }
  }
}

/** A later event of key `k<n>`, its `key_id` filled in. */
export const keyEventOf = (n: number, event: KeyEventWithoutId): DomainEvent => ({
  type: event.type,
  data: { ...event.data, key_id: `k${n}` },
});

/** A key event as a spec writes it: the key is named by the harness. */
export type KeyEventWithoutId = KeyEvent extends infer E
  ? E extends KeyEvent
    ? { readonly type: E['type']; readonly data: Omit<E['data'], 'key_id'> }
    : never
  : never;
