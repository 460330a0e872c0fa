import { FastifyReply } from 'fastify';
import { WriteReceipt } from '../writes/write-result';

/** `ETag` and `X-Position` from a write receipt (each only when the receipt has it). */
export function receiptHeaders({ revision, position }: WriteReceipt): Record<string, string> {
  const headers: Record<string, string> = {};
  if (revision !== null) headers.etag = `"${revision}"`;
  if (position !== null) headers['x-position'] = String(position);
  return headers;
}

/** Sets `ETag` and `X-Position` from a write receipt. */
export function setWriteHeaders(reply: FastifyReply, receipt: WriteReceipt): void {
  void reply.headers(receiptHeaders(receipt));
}
