import {
  ANY,
  AppendExpectedRevision,
  AllStreamResolvedEvent,
  NO_STREAM,
  Position,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventMetadata, RecordedEvent } from '../event-store.port';
import { ExpectedRevision, WrongExpectedRevisionError } from '../expected-revision';

/** The client's expected-revision constants for the port's modes. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (expected === 'exists') return STREAM_EXISTS;
  return BigInt(expected);
}

/** A bigint from the server as a JS number; positions beyond 2^53 would be silently wrong. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} ${value} exceeds 2^53`);
  return Number(value);
}

/**
 * The port identifies a place in `$all` by the commit position alone. For events written by
 * ordinary appends (no explicit transactions, which this adapter never uses) the prepare
 * position equals it, so the pair can be rebuilt from the number.
 */
export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** The port's conflict error from the client's; `actualVersion` may be "no_stream". */
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

/** A resolved `$all` event as the port's RecordedEvent, or null for system and non-JSON events. */
export function fromResolvedEvent(resolved: AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || !event.position) return null;
  const metadata = event.metadata as unknown as EventMetadata;
  return {
    id: event.id,
    stream: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position: toSafeNumber(event.position.commit, 'position'),
    type: event.type,
    data: event.data as RecordedEvent['data'],
    metadata,
    recorded_at: event.created.toISOString(),
  };
}
