import { FastifyReply } from 'fastify';
import { setWriteHeaders } from '../shared/http/write-headers';

/** A read answer with the revision it shows, to send back in `If-Match`. */
export interface Versioned<T> {
  readonly data: T;
  readonly revision: number | null;
}

/** Sets the `ETag` of a read answer and returns its data. */
export function answerRead<T>(reply: FastifyReply, result: Versioned<T>): T {
  setWriteHeaders(reply, { revision: result.revision, position: null });
  return result.data;
}
