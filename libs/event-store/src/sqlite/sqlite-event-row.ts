import { RecordedEvent } from '../event-store.port';

/** One row of the events table. */
export interface EventRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/** A row's event as the port shows it. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: parseStored(row.data) as RecordedEvent['data'],
    metadata: parseStored(row.metadata) as RecordedEvent['metadata'],
    recorded_at: row.recorded_at,
  };
}

/**
 * The store only ever writes JSON objects; text edited into something else is kept as the raw
 * string, so reads do not crash on it and the audit tree's verify reports it as altered.
 */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
