import {
  ANY,
  AppendExpectedRevision,
  RecordedEvent as EsdbRecordedEvent,
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  NO_STREAM,
  Position,
  ReadPosition,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventFilter, EventMetadata, RecordedEvent } from '../event-store.port';
import { ExpectedRevision, WrongExpectedRevisionError } from '../expected-revision';

/** The client's expected-revision value for the port's. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (expected === 'exists') return STREAM_EXISTS;
  return BigInt(expected);
}

/** A bigint from the server as a JS number; beyond 2^53 it would silently be a different number. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`${what} ${value} is beyond Number.MAX_SAFE_INTEGER`);
  return Number(value);
}

/**
 * The port's position is the commit position. The server gives events appended outside explicit
 * transactions (this adapter never opens one) a prepare position equal to it, so the pair can be
 * rebuilt from the number.
 */
export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** Where a read or subscription after a port position starts: the beginning for 0. */
export function toReadPosition(after: number): ReadPosition {
  return after > 0 ? toEsdbPosition(after) : START;
}

/** The port's conflict error for the client's; the actual version may be "no_stream", not a number. */
export function toWrongExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  error: WrongExpectedVersionError,
): WrongExpectedRevisionError {
  const actual = error.actualVersion;
  return new WrongExpectedRevisionError(
    stream,
    expected,
    typeof actual === 'bigint' ? toSafeNumber(actual, 'revision') : 'no_stream',
  );
}

/**
 * A stored event as the port's, or null for what the port does not carry: system events (`$…`)
 * and events that other writers stored as binary or as non-object JSON.
 */
export function fromEsdbEvent(event: EsdbRecordedEvent | undefined): RecordedEvent | null {
  if (!event || event.type.startsWith('$') || !event.isJson) return null;
  const data = event.data;
  if (typeof data !== 'object' || Array.isArray(data)) return null;
  if (!event.position) {
    throw new Error(
      `EventStoreDB gave no $all position for ${event.streamId}@${event.revision}: use a server ≥ 22.6`,
    );
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position: toSafeNumber(event.position.commit, 'position'),
    type: event.type,
    data,
    // This adapter wrote it from the port's EventMetadata.
    metadata: event.metadata as unknown as EventMetadata,
    recorded_at: event.created.toISOString(),
  };
}

/**
 * The narrowest filter the server can apply (it only knows prefixes); callers still apply the
 * exact filter. Without one the server still drops system events. `checkpointReached` hears
 * where the server has looked so far, so a narrow filter need not rescan what it skipped.
 */
export function toServerFilter(
  filter: EventFilter | undefined,
  checkpointReached: NonNullable<Filter['checkpointReached']>,
): Filter {
  if (filter?.streamPrefixes?.length)
    return streamNameFilter({ prefixes: [...filter.streamPrefixes], checkpointReached });
  if (filter?.eventTypes?.length)
    return eventTypeFilter({ prefixes: [...filter.eventTypes], checkpointReached });
  return excludeSystemEvents({ checkpointReached });
}
