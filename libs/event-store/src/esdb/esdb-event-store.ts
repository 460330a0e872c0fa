import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  ResolvedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { matchesFilter } from '../event-filter';
import { isTransientStoreError, PartialBatchError } from '../event-store-error';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { SubscriptionHealth } from '../subscription-health';
import { AllSubscriptionItem, isSignal, openAllSubscription } from './esdb-all-subscription';
import { consumeRead } from './esdb-bounded-read';
import { unsafeConnectionSetting } from './esdb-connection-string';
import { toStoreError } from './esdb-errors';
import {
  fromEsdbEvent,
  toEsdbExpectedRevision,
  toSafeNumber,
  toWrongExpectedRevision,
} from './esdb-mapping';
import { Backoff, resubscribingSubscription } from './esdb-resubscribing-subscription';

/** How to reach EventStoreDB, how long to wait for it, and how to ride out its failures. */
export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. `throwOnAppendFailure=false` is refused. */
  readonly connectionString: string;
  readonly resubscribeBackoff?: Backoff;
  /** Longest wait for one read (a page) to end; 10 s by default. */
  readonly readDeadlineMs?: number;
  /** Tries of one append while the server is unavailable or the outcome unknown; 3 by default. */
  readonly appendAttempts?: number;
  /** Where subscription drops are reported; a fresh one by default. */
  readonly health?: SubscriptionHealth;
}

/** Most events asked of the server in one read: a stream is read in pages of this. */
const PAGE = 1000;
const DEFAULT_READ_DEADLINE_MS = 10_000;
const DEFAULT_APPEND_ATTEMPTS = 3;
const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 5000 };

/** The client keeps its gRPC channel to itself: `dispose()` cancels calls but leaves it open. */
interface ChannelOwner {
  getChannel(): Promise<{ close(): void }>;
}

/**
 * The EventStoreDB adapter (client 6.x). Positions are `$all` commit positions: byte offsets in
 * the log, increasing but not consecutive. Every read is bounded (a `maxCount`, a deadline) and
 * cancelled however it ends. Every client call lives in this folder, so moving to the renamed
 * KurrentDB client touches nothing else.
 */
export class EsdbEventStore implements EventStore {
  readonly positionUnit = 'byte' as const;
  readonly subscriptionHealth: SubscriptionHealth;
  private readonly client: EventStoreDBClient;
  /** Whether any call was made: the client opens its channel (and may discover a node) lazily. */
  private used = false;
  private readonly closing = new AbortController();
  private readonly readDeadlineMs: number;
  private readonly appendAttempts: number;

  /** Throws at start-up on a connection string the adapter cannot work with. */
  constructor(private readonly options: EsdbEventStoreOptions) {
    const unsafe = unsafeConnectionSetting(options.connectionString);
    if (unsafe) throw new Error(unsafe);
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.subscriptionHealth = options.health ?? new SubscriptionHealth();
    this.readDeadlineMs = options.readDeadlineMs ?? DEFAULT_READ_DEADLINE_MS;
    this.appendAttempts = options.appendAttempts ?? DEFAULT_APPEND_ATTEMPTS;
  }

  /**
   * Retries a transient failure with the same event ids: the server recognises events it has
   * already written (for every expected revision but `any`, where it tries its best), so an
   * append that timed out after all is not written twice.
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const payload = events.map((event) =>
      jsonEvent({
        id: event.id ?? randomUUID(),
        type: event.type,
        data: event.data,
        metadata: options.metadata,
      }),
    );
    const expectedRevision = toEsdbExpectedRevision(options.expectedRevision);
    for (let attempt = 1; ; attempt++) {
      try {
        const { nextExpectedRevision, position } = await this.db.appendToStream(stream, payload, {
          expectedRevision,
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
        const failure = toStoreError(error);
        if (!isTransientStoreError(failure) || attempt >= this.appendAttempts) throw failure;
        await sleep(DEFAULT_BACKOFF.initialMs * attempt);
      }
    }
  }

  /**
   * EventStoreDB has no transaction over several streams: each stream is appended in turn, each
   * append atomic on its own. A failure after the first append is a `PartialBatchError` saying
   * how many were written, so a caller retries only the rest.
   */
  async appendBatch(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.some(({ events }) => events.length === 0))
      throw new RangeError('append needs at least one event');
    const results: AppendResult[] = [];
    for (const { stream, events, options } of appends) {
      try {
        results.push(await this.append(stream, events, options));
      } catch (error) {
        throw results.length === 0
          ? error
          : new PartialBatchError(results.length, { cause: error });
      }
    }
    return results;
  }

  async readStream(
    stream: string,
    options: { readonly fromRevision?: number } = {},
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let from = BigInt(options.fromRevision ?? 0);
    for (;;) {
      let received = 0;
      const read = this.db.readStream(stream, {
        direction: FORWARDS,
        fromRevision: from,
        maxCount: PAGE,
      });
      try {
        await consumeRead<ResolvedEvent>(
          { stream: read, close: () => read.cancel() },
          this.readDeadlineMs,
          `reading ${stream}`,
          (resolved) => {
            received++;
            if (resolved.event) from = resolved.event.revision + 1n;
            const event = fromEsdbEvent(resolved.event);
            if (event) events.push(event);
            return true;
          },
        );
      } catch (error) {
        // The client reports a missing stream while iterating, not when the read is created.
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      if (received < PAGE) return events;
    }
  }

  /**
   * The client's `$all` read takes no filter, so a page is read from a server-filtered
   * subscription instead: the server skips what does not match (reporting checkpoints as it
   * goes), and the page ends when it is full, when the server says it has caught up, or once it
   * passes the head position taken at the start. Nothing of the tail crosses the wire unfiltered.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.fromPosition ?? 0;
    const maxCount = options.maxCount ?? PAGE;
    const page: RecordedEvent[] = [];
    if (maxCount <= 0) return page;
    const head = await this.headPosition();
    if (head <= after) return page;
    const subscription = openAllSubscription(this.db, after, options.filter);
    await consumeRead<AllSubscriptionItem>(
      { stream: subscription, close: () => subscription.unsubscribe() },
      this.readDeadlineMs,
      'reading $all',
      (item) => {
        if (isSignal(item)) return 'checkpoint' in item && item.checkpoint < head;
        const event = fromEsdbEvent(item.event);
        // The start is exclusive on the server; this guards the edge all the same.
        if (event && event.position > after && matchesFilter(event, options.filter)) {
          page.push(event);
        }
        return page.length < maxCount && positionOf(item) < head;
      },
    );
    return page;
  }

  subscribe(options: Omit<ReadAllOptions, 'maxCount'> = {}): EventSubscription {
    return resubscribingSubscription(
      (after) => openAllSubscription(this.db, after, options.filter),
      {
        fromPosition: options.fromPosition ?? 0,
        filter: options.filter,
        backoff: this.options.resubscribeBackoff ?? DEFAULT_BACKOFF,
        signal: this.closing.signal,
        health: this.subscriptionHealth,
      },
    );
  }

  /**
   * The position of the last record in `$all`, read backwards one record deep. It may be a
   * system event's (the port never returns those): it still bounds every event stored so far.
   */
  async headPosition(): Promise<number> {
    let head = 0;
    const read = this.db.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    await consumeRead<AllStreamResolvedEvent>(
      { stream: read, close: () => read.cancel() },
      this.readDeadlineMs,
      'reading the head of $all',
      (resolved) => {
        head = positionOf(resolved);
        return false;
      },
    );
    return head;
  }

  /** Ends every subscription of this store, then cancels its calls and closes its channel. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
    if (!this.used) return;
    // Without this the channel (and its keep-alive timer) outlives the store and the process.
    const channel = await (this.client as unknown as ChannelOwner).getChannel().catch(() => null);
    channel?.close();
  }

  /** The client, for a call: remembers that its channel now needs closing. */
  private get db(): EventStoreDBClient {
    this.used = true;
    return this.client;
  }
}

/** The `$all` commit position of a record, whatever its type; 0 when the server gave none. */
function positionOf(resolved: AllStreamResolvedEvent): number {
  const commit = resolved.event?.position?.commit;
  return commit === undefined ? 0 : toSafeNumber(commit, 'position');
}
