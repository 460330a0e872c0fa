/**
 * Why the event store could not do what was asked, independent of the adapter. Transient kinds
 * may succeed when retried; the others will not until an operator acts.
 */
export type EventStoreErrorKind =
  | 'deadline_exceeded'
  | 'unavailable'
  | 'not_leader'
  | 'stream_deleted'
  | 'max_append_size'
  | 'access_denied';

const TRANSIENT: ReadonlySet<EventStoreErrorKind> = new Set([
  'deadline_exceeded',
  'unavailable',
  'not_leader',
]);

/**
 * A typed failure of the event store. For an append, `deadline_exceeded` means the outcome is
 * unknown: the events may have been written.
 */
export class EventStoreError extends Error {
  readonly transient: boolean;

  constructor(
    readonly kind: EventStoreErrorKind,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventStoreError';
    this.transient = TRANSIENT.has(kind);
  }
}

/** Whether a thrown value is an event store failure worth retrying. */
export function isTransientStoreError(error: unknown): error is EventStoreError {
  return error instanceof EventStoreError && error.transient;
}

/**
 * A batch append that stopped part way, on a store without multi-stream transactions: the first
 * `appended` appends are written, the rest are not (the cause says why).
 */
export class PartialBatchError extends Error {
  constructor(
    readonly appended: number,
    options: { readonly cause: unknown },
  ) {
    super(`batch append stopped after ${appended} append(s)`, options);
    this.name = 'PartialBatchError';
  }
}
