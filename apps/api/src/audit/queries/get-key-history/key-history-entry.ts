import { EventMetadata, RecordedEvent } from '@keyledger/event-store';
import { auditEntryProjection } from '@keyledger/read-models';
import { eventLabel } from '../../key-event-labels';

/** One event of a key's stream as its history shows it: the stored event, labelled and summarised. */
export interface KeyHistoryEntry {
  readonly id: string;
  readonly type: string;
  /** A short name for the type (`Key disabled`). */
  readonly label: string;
  /** One sentence about this change (`Disabled key: leaked`), as the audit log words it. */
  readonly summary: string;
  /** 0-based place in the key's stream. */
  readonly revision: number;
  /** Place in the global order; the audit log's cursor order. */
  readonly position: number;
  readonly recorded_at: string;
  /** Who, on whose behalf, from where and when, exactly as recorded with the event. */
  readonly metadata: EventMetadata;
  /** The event's payload (events never carry a secret). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The audit projection is pure: the entry it makes of an event carries the sentence the log shows. */
const { apply: auditEntryOf } = auditEntryProjection;

/** The history entry of a stored event. */
export function toKeyHistoryEntry(event: RecordedEvent): KeyHistoryEntry {
  return {
    id: event.id,
    type: event.type,
    label: eventLabel(event.type),
    summary: auditEntryOf(null, event)?.summary ?? event.type,
    revision: event.revision,
    position: event.position,
    recorded_at: event.recorded_at,
    metadata: event.metadata,
    data: event.data,
  };
}
