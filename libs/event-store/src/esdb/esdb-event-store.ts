import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  START,
  streamNameFilter,
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
  fromResolvedEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toSafeNumber,
  toWrongExpectedRevision,
} from './esdb-mapping';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
  /** First and largest wait before resubscribing after a dropped subscription. */
  readonly resubscribeBackoffMs?: { readonly initial: number; readonly max: number };
}

const DEFAULT_PAGE = 1000;

/** The EventStoreDB adapter. All client calls live here, so a client upgrade touches one file. */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly backoff: { readonly initial: number; readonly max: number };

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.backoff = options.resubscribeBackoffMs ?? { initial: 100, max: 5000 };
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const payload = events.map((event) =>
      jsonEvent({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: options.metadata as unknown as Record<string, unknown>,
      }),
    );
    try {
      const result = await this.client.appendToStream(stream, payload, {
        expectedRevision: toEsdbExpectedRevision(options.expectedRevision),
      });
      if (!result.position) throw new Error('EventStoreDB returned no position for an append');
      return {
        nextRevision: toSafeNumber(result.nextExpectedRevision, 'revision'),
        position: toSafeNumber(result.position.commit, 'position'),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw toWrongExpectedRevision(stream, options.expectedRevision, error);
      }
      throw error;
    }
  }

  async readStream(stream: string, options: { readonly fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    const read: RecordedEvent[] = [];
    try {
      const events = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
      });
      for await (const resolved of events) {
        const event = resolved.event;
        if (!event || !event.isJson) continue;
        read.push({
          id: event.id,
          stream: event.streamId,
          revision: toSafeNumber(event.revision, 'revision'),
          position: event.position ? toSafeNumber(event.position.commit, 'position') : 0,
          type: event.type,
          data: event.data as RecordedEvent['data'],
          metadata: event.metadata as unknown as RecordedEvent['metadata'],
          recorded_at: event.created.toISOString(),
        });
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return read;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? DEFAULT_PAGE;
    const from = options.fromPosition ?? 0;
    const page: RecordedEvent[] = [];
    // readAll has no server-side filter in this client and starts inclusively: filter and skip here.
    const events = this.client.readAll({
      direction: FORWARDS,
      fromPosition: from > 0 ? toEsdbPosition(from) : START,
    });
    for await (const resolved of events) {
      const event = fromResolvedEvent(resolved);
      if (!event || event.position <= from || !matchesFilter(event, options.filter)) continue;
      page.push(event);
      if (page.length >= maxCount) break;
    }
    return page;
  }

  subscribe(options: Omit<ReadAllOptions, 'maxCount'> = {}): EventSubscription {
    let closed = false;
    let current: { unsubscribe(): Promise<void> } | null = null;
    const client = this.client;
    const backoff = this.backoff;
    const filter = options.filter;
    const serverFilter = filter?.streamPrefixes
      ? streamNameFilter({ prefixes: [...filter.streamPrefixes] })
      : excludeSystemEvents();

    async function* events(): AsyncGenerator<RecordedEvent> {
      let last = options.fromPosition ?? 0;
      let wait = backoff.initial;
      while (!closed) {
        const subscription = client.subscribeToAll({
          fromPosition: last > 0 ? toEsdbPosition(last) : START,
          filter: serverFilter,
        });
        current = subscription;
        try {
          // for await, not .on('data'): the consumer's writes must finish before the next event.
          for await (const resolved of subscription) {
            const event = fromResolvedEvent(resolved);
            if (!event || event.position <= last) continue;
            last = event.position;
            wait = backoff.initial;
            if (matchesFilter(event, filter)) yield event;
            if (closed) return;
          }
        } catch {
          if (closed) return;
          // The client does not resubscribe by itself: back off, then resume after `last`.
          await new Promise((resolve) => setTimeout(resolve, wait));
          wait = Math.min(wait * 2, backoff.max);
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
      }
    }

    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        await current?.unsubscribe().catch(() => undefined);
      },
    };
  }

  async headPosition(): Promise<number> {
    const events = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 100 });
    for await (const resolved of events) {
      const event = fromResolvedEvent(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
