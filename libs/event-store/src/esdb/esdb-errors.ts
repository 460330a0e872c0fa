import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
} from '@eventstore/db-client';
import { EventStoreError } from '../event-store-error';

/**
 * The port's typed error for a client or gRPC failure; anything else (a conflict, a stream not
 * found, a bug) is returned as it is, for the caller to handle or let through.
 */
export function toStoreError(thrown: unknown): unknown {
  if (thrown instanceof EventStoreError || !(thrown instanceof Error)) return thrown;
  // Some paths (an append's sink, a failed channel) reject with the raw gRPC error.
  const error: Error = convertToCommandError(thrown);
  const cause = { cause: error };
  if (error instanceof DeadlineExceededError || error instanceof TimeoutError) {
    return new EventStoreError(
      'deadline_exceeded',
      `EventStoreDB did not answer in time: ${error.message}`,
      cause,
    );
  }
  // A server-side cancel (not ours: the client swallows those) is a restart or a shutdown.
  if (error instanceof UnavailableError || error instanceof CancelledError) {
    return new EventStoreError(
      'unavailable',
      `EventStoreDB is unavailable: ${error.message}`,
      cause,
    );
  }
  if (error instanceof NotLeaderError) {
    const { address, port } = error.leader;
    return new EventStoreError(
      'not_leader',
      `EventStoreDB node is not the leader (the leader is ${address}:${port})`,
      cause,
    );
  }
  if (error instanceof StreamDeletedError) {
    return new EventStoreError('stream_deleted', `stream ${error.streamName} is deleted`, cause);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new EventStoreError(
      'max_append_size',
      `the append exceeds EventStoreDB's maximum of ${error.maxAppendSize} bytes`,
      cause,
    );
  }
  if (error instanceof AccessDeniedError) {
    return new EventStoreError(
      'access_denied',
      `EventStoreDB denied access; check the credentials in EVENTSTORE_URL: ${error.message}`,
      cause,
    );
  }
  return error;
}
