import { FastifyReply } from 'fastify';

/** What a command tells the client about the write it made. */
export interface WriteReceipt {
  /** Stream revision after the command: the resource's ETag. */
  readonly revision: number | null;
  /** Global position of the command's last event, for read-your-writes (`X-Min-Position`). */
  readonly position: number | null;
}

/** Sets `ETag` and `X-Position` from a write receipt. */
export function setWriteHeaders(reply: FastifyReply, receipt: WriteReceipt): void {
  if (receipt.revision !== null) void reply.header('ETag', `"${receipt.revision}"`);
  if (receipt.position !== null) void reply.header('X-Position', String(receipt.position));
}
