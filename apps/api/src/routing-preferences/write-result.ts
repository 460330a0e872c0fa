import { FastifyReply } from 'fastify';
import { setWriteHeaders, WriteReceipt } from '../shared/http/write-headers';

/** What a routing command answers: the resource as decided, and whether reads already show it. */
export interface WriteResult<T> extends WriteReceipt {
  readonly data: T;
  /** False when the read models did not catch up within the read-your-writes bound. */
  readonly visible: boolean;
}

/** The highest of the positions a multi-stream command wrote at (null when it wrote nothing). */
export function lastPosition(...positions: readonly (number | null)[]): number | null {
  const written = positions.filter((position): position is number => position !== null);
  return written.length === 0 ? null : Math.max(...written);
}

/**
 * Sets `ETag` and `X-Position`; answers 202 when the write is recorded but reads may not show it
 * yet (the client can wait for `X-Position`), as the keys routes do.
 */
export function answerWrite<T>(reply: FastifyReply, result: WriteResult<T>): T {
  setWriteHeaders(reply, result);
  if (!result.visible) void reply.status(202);
  return result.data;
}
