import { FastifyReply } from 'fastify';
import { Versioned, WriteResult } from '../writes/write-result';
import { receiptHeaders, setWriteHeaders } from './write-headers';

/**
 * Sets `ETag` and `X-Position` after a command, and answers 202 when the write is recorded but
 * reads may not show it yet (the client can wait with `X-Min-Position`). Returns the data.
 */
export function answerWrite<T>(reply: FastifyReply, result: WriteResult<T>): T {
  setWriteHeaders(reply, result);
  if (!result.visible) void reply.status(202);
  return result.data;
}

/** As answerWrite, for an answer that shows a secret the one time it exists: no cache keeps it. */
export function answerSecret<T, Secret>(
  reply: FastifyReply,
  result: WriteResult<T> & { readonly secret: Secret },
): { readonly data: T; readonly secret: Secret } {
  void reply.header('Cache-Control', 'no-store');
  return { data: answerWrite(reply, result), secret: result.secret };
}

/** The `ETag` of a read, which a later `If-Match` sends back. */
export function readHeaders(result: Versioned<unknown>): Record<string, string> {
  return receiptHeaders({ revision: result.revision, position: null });
}

/** Sets the `ETag` of a read (readHeaders) and returns its data. */
export function answerRead<T>(reply: FastifyReply, result: Versioned<T>): T {
  void reply.headers(readHeaders(result));
  return result.data;
}
