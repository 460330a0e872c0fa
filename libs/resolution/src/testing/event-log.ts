import { NewEvent, RecordedEvent } from '@keyledger/event-store';
import { testMetadata } from '@keyledger/event-store/testing';

/** A domain event: typed payloads are interfaces, which the store takes as plain JSON objects. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/** A domain event as the store's append takes it. */
export const toNewEvent = (event: DomainEvent): NewEvent => ({
  type: event.type,
  data: event.data as NewEvent['data'],
});

/** Stored events without a store: per-stream revisions and global positions, as a store assigns them. */
export class EventLog {
  private position = 0;
  private readonly revisions = new Map<string, number>();
  private readonly recorded: RecordedEvent[] = [];

  /** Appends one event to `stream` and returns it as stored. */
  record(stream: string, domainEvent: DomainEvent): RecordedEvent {
    const event = toNewEvent(domainEvent);
    const revision = (this.revisions.get(stream) ?? -1) + 1;
    this.revisions.set(stream, revision);
    const stored: RecordedEvent = {
      id: `event-${this.position + 1}`,
      stream,
      revision,
      position: ++this.position,
      type: event.type,
      data: event.data,
      metadata: testMetadata(),
      recorded_at: '2026-01-01T00:00:00.000Z',
    };
    this.recorded.push(stored);
    return stored;
  }

  /** Every event recorded so far, in global order. */
  get events(): readonly RecordedEvent[] {
    return this.recorded;
  }
}
