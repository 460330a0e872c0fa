import { FastifyReply } from 'fastify';
import { WriteReceipt } from '../writes/write-result';

/** Sets `ETag` and `X-Position` from a write receipt. */
export function setWriteHeaders(reply: FastifyReply, receipt: WriteReceipt): void {
  if (receipt.revision !== null) void reply.header('ETag', `"${receipt.revision}"`);
  if (receipt.position !== null) void reply.header('X-Position', String(receipt.position));
}
