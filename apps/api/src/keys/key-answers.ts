import { FastifyReply } from 'fastify';
import { setWriteHeaders } from '../shared/http/write-headers';
import { KeyWriteResult, VersionedKey } from './key-reader';
import { KeyView } from './key-view';

/** The `{ data: Key }` envelope every key route answers with. */
export interface KeyEnvelope {
  readonly data: KeyView | null;
}

/** A key route's answer that shows a secret, the one time it exists in the clear. */
export interface KeyWithSecret extends KeyEnvelope {
  readonly secret: string | null;
}

/**
 * Sets `ETag` and `X-Position` after a key command. 202 means the write is stored but the read
 * model did not show it within the bound (`data` is null): wait with `X-Min-Position`.
 */
export function answerKeyWrite(reply: FastifyReply, result: KeyWriteResult): KeyEnvelope {
  setWriteHeaders(reply, result);
  if (result.key === null) void reply.status(202);
  return { data: result.key };
}

/** As answerKeyWrite, with the secret; no cache may keep the response. */
export function answerKeySecret(
  reply: FastifyReply,
  result: KeyWriteResult & { readonly secret: string | null },
): KeyWithSecret {
  void reply.header('Cache-Control', 'no-store');
  return { ...answerKeyWrite(reply, result), secret: result.secret };
}

/** Sets the `ETag` a later `If-Match` sends back. */
export function answerKeyRead(reply: FastifyReply, { key, revision }: VersionedKey): KeyEnvelope {
  setWriteHeaders(reply, { revision, position: null });
  return { data: key };
}
