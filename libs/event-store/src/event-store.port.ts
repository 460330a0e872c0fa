import { ExpectedRevision } from './expected-revision';
import { SubscriptionHealth } from './subscription-health';

/** Who did it, on whose behalf, and from where: recorded with every event, never a secret. */
export interface EventMetadata {
  readonly actor: { readonly kind: 'user' | 'api_key' | 'system'; readonly id: string };
  readonly org_id: string | null;
  readonly request_id: string | null;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  /** ISO-8601 time the command was decided. */
  readonly occurred_at: string;
  readonly schema_version: number;
}

/** An event about to be appended: a type and its JSON payload. */
export interface NewEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * The event's id (a UUID); the store makes one when omitted. A deterministic id lets the
   * stores recognise a repeat: appended again to a new stream (`no_stream`), it is refused or
   * acknowledged without being written a second time.
   */
  readonly id?: string;
}

/** An event as stored: where it sits in its stream and in the global order. */
export interface RecordedEvent extends NewEvent {
  readonly id: string;
  readonly stream: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /**
   * Global, strictly increasing position across all streams. Consecutive only where the store's
   * `positionUnit` is `event`: the difference of two positions counts events nowhere else.
   */
  readonly position: number;
  readonly metadata: EventMetadata;
  /** ISO-8601 time the store accepted the event. */
  readonly recorded_at: string;
}

/** How an append is guarded and who made it. */
export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly metadata: EventMetadata;
}

/** One stream's share of `appendBatch`. */
export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
}

/** Where an append left its stream and the global order. */
export interface AppendResult {
  /** Revision of the last event written: the stream's new ETag. */
  readonly nextRevision: number;
  /** Global position of the last event written. */
  readonly position: number;
}

/** Which events a reader of the global order wants; all when omitted. */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

/** Which page of the global order to read. */
export interface ReadAllOptions {
  /** Exclusive start: events with a greater position are returned. Omitted: from the beginning. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/** A catch-up-then-live stream of events in global order; `close()` ends the iteration. */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * What one step of a position is: `event` where positions number the events 1, 2, 3… (SQLite),
 * `byte` where they are offsets in the log (EventStoreDB's `$all` commit positions).
 */
export type PositionUnit = 'event' | 'byte';

/** The event store port. Every adapter runs the shared contract suite. */
export interface EventStore {
  readonly positionUnit: PositionUnit;
  /** How this store's subscriptions fare: drops, retries, give-ups; read by /health and metrics. */
  readonly subscriptionHealth: SubscriptionHealth;
  /** Appends one or more events atomically, or throws `WrongExpectedRevisionError` without writing anything. */
  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Appends to many streams, each append checked as `append` checks it, results in call order.
   * Atomic and one commit where the store has multi-stream transactions (SQLite); elsewhere each
   * stream's append is atomic on its own and a failure stops the batch (see the adapter).
   */
  appendBatch(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** All events of a stream in revision order; a missing stream is empty. */
  readStream(
    stream: string,
    options?: { readonly fromRevision?: number },
  ): Promise<RecordedEvent[]>;
  /** A page of the global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch up from `fromPosition` (exclusive), then receive new events as they are appended.
   * Transient failures are retried inside; a permanent one ends the iteration with its error.
   */
  subscribe(options?: Omit<ReadAllOptions, 'maxCount'>): EventSubscription;
  /** A position no stored event is beyond (the last event's), 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
