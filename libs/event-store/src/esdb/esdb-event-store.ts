import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { matchesFilter } from '../event-filter';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '../event-store.port';
import {
  fromEsdbEvent,
  toEsdbExpectedRevision,
  toReadPosition,
  toSafeNumber,
  toServerFilter,
  toWrongExpectedRevision,
} from './esdb-mapping';
import { Backoff, resubscribingSubscription } from './esdb-resubscribing-subscription';

/** How to reach EventStoreDB and how to ride out dropped subscriptions. */
export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
  readonly resubscribeBackoff?: Backoff;
  /** Told about every dropped subscription before it is resumed, e.g. to log it. */
  readonly onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;
}

const DEFAULT_PAGE = 1000;
const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 5000 };

/**
 * The EventStoreDB adapter (client 6.x). Positions are `$all` commit positions. Every client call
 * lives in this folder, so moving to the renamed KurrentDB client touches nothing else.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly closing = new AbortController();

  constructor(private readonly options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const payload = events.map((event) =>
      jsonEvent({ type: event.type, data: event.data, metadata: options.metadata }),
    );
    try {
      const { nextExpectedRevision, position } = await this.client.appendToStream(stream, payload, {
        expectedRevision: toEsdbExpectedRevision(options.expectedRevision),
      });
      if (!position) throw new Error(`EventStoreDB gave no position for an append to ${stream}`);
      return {
        nextRevision: toSafeNumber(nextExpectedRevision, 'revision'),
        position: toSafeNumber(position.commit, 'position'),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw toWrongExpectedRevision(stream, options.expectedRevision, error);
      }
      throw error;
    }
  }

  async readStream(
    stream: string,
    options: { readonly fromRevision?: number } = {},
  ): Promise<RecordedEvent[]> {
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = fromEsdbEvent(resolved.event);
        if (event) events.push(event);
      }
    } catch (error) {
      // The client reports a missing stream while iterating, not when the read is created.
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** `$all` reads have no server-side filter in this client: filtering happens here. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.fromPosition ?? 0;
    const maxCount = options.maxCount ?? DEFAULT_PAGE;
    const page: RecordedEvent[] = [];
    if (maxCount <= 0) return page;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: toReadPosition(after) });
    for await (const resolved of read) {
      const event = fromEsdbEvent(resolved.event);
      // A read from a position includes the event at it; the port's start is exclusive.
      if (!event || event.position <= after || !matchesFilter(event, options.filter)) continue;
      page.push(event);
      if (page.length === maxCount) break;
    }
    return page;
  }

  subscribe(options: Omit<ReadAllOptions, 'maxCount'> = {}): EventSubscription {
    const filter = toServerFilter(options.filter);
    return resubscribingSubscription(
      (after) => this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter }),
      {
        fromPosition: options.fromPosition ?? 0,
        filter: options.filter,
        backoff: this.options.resubscribeBackoff ?? DEFAULT_BACKOFF,
        signal: this.closing.signal,
        onDropped: this.options.onSubscriptionDropped,
      },
    );
  }

  async headPosition(): Promise<number> {
    // Backwards from the end until the first event of ours: system events may sit on top.
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const resolved of read) {
      const event = fromEsdbEvent(resolved.event);
      if (event) return event.position;
    }
    return 0;
  }

  /** Ends every subscription of this store, then releases the client's connections. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
  }
}
