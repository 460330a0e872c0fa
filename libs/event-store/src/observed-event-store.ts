import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
} from './event-store.port';

/** Told of every successful append, before the writer gets its result. */
export type AppendObserver = (stream: string, result: AppendResult) => Promise<void>;

/**
 * An event store that lets in-process caches apply a write before the writer answers (the
 * instance that revokes a key must refuse it at once). Observers are awaited in turn; one that
 * throws fails the append's caller although the events are stored, as after any lost answer.
 */
export class ObservedEventStore implements EventStore {
  private readonly observers: AppendObserver[] = [];

  constructor(private readonly inner: EventStore) {}

  get positionUnit(): EventStore['positionUnit'] {
    return this.inner.positionUnit;
  }

  get subscriptionHealth(): EventStore['subscriptionHealth'] {
    return this.inner.subscriptionHealth;
  }

  /** Registers an observer of every later append. */
  observeAppends(observer: AppendObserver): void {
    this.observers.push(observer);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const result = await this.inner.append(stream, events, options);
    for (const observer of this.observers) await observer(stream, result);
    return result;
  }

  async appendBatch(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await this.inner.appendBatch(appends);
    for (const [index, { stream }] of appends.entries()) {
      for (const observer of this.observers) await observer(stream, results[index]);
    }
    return results;
  }

  readStream(
    stream: string,
    options?: { readonly fromRevision?: number },
  ): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options?: Omit<ReadAllOptions, 'maxCount'>): EventSubscription {
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
