import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent, testMetadata } from '@keyledger/event-store/testing';
import { foldEvents } from '../projection/fold-events';
import { Projection } from '../projection/projection';
import { Document } from '../store/read-store.port';

/** What a decider emits: a type and its payload. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/** When the event at a position of a `history` happened: minute n of 2026-01-01. */
export const occurredAt = (position: number): string =>
  new Date(Date.UTC(2026, 0, 1, 0, position)).toISOString();

/**
 * Domain events as the store records them, in the order given, at positions 1, 2, … and each
 * at the next revision of its stream (0, 1, …).
 */
export function history(
  ...entries: readonly (readonly [stream: string, event: DomainEvent])[]
): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return entries.map(([stream, { type, data }], i) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    return recordedEvent({
      id: `event-${i + 1}`,
      stream,
      revision,
      type,
      data: { ...data },
      position: i + 1,
      metadata: testMetadata({ occurred_at: occurredAt(i + 1) }),
    });
  });
}

/** The documents a projection builds from nothing by applying the events, by id. */
export function project<D extends Document>(
  projection: Projection<D>,
  events: readonly RecordedEvent[],
): ReadonlyMap<string, D> {
  const documents = new Map<string, D>();
  for (const write of foldEvents(projection, new Map(), events))
    if (write.document) documents.set(write.id, write.document);
  return documents;
}
