import { FastifyReply } from 'fastify';
import { setWriteHeaders, WriteReceipt } from '../shared/http/write-headers';
import { VersionedWebhook } from './webhook-directory';
import { toWebhookView, WebhookView } from './webhook-view';

/** The `{ data: Webhook }` envelope of every webhook route. */
export interface WebhookEnvelope {
  readonly data: WebhookView;
}

/** A webhook route's answer that shows the signing secret, the one time it is shown. */
export interface WebhookWithSecret extends WebhookEnvelope {
  readonly secret: string;
}

/** A command's receipt and the subscription as decided. Reads come from the stream: always current. */
export interface WebhookWriteResult extends WriteReceipt {
  readonly subscription: WebhookView;
}

/** A command that shows the signing secret: create and rotate. */
export interface WebhookSecretResult extends WebhookWriteResult {
  readonly secret: string;
}

/** Sets `ETag` and `X-Position` after a webhook command. */
export function answerWebhookWrite(
  reply: FastifyReply,
  result: WebhookWriteResult,
): WebhookEnvelope {
  setWriteHeaders(reply, result);
  return { data: result.subscription };
}

/** As answerWebhookWrite, with the signing secret; no cache may keep the response. */
export function answerWebhookSecret(
  reply: FastifyReply,
  result: WebhookSecretResult,
): WebhookWithSecret {
  void reply.header('Cache-Control', 'no-store');
  return { ...answerWebhookWrite(reply, result), secret: result.secret };
}

/** Sets the `ETag` a later `If-Match` sends back. */
export function answerWebhookRead(
  reply: FastifyReply,
  { subscription, revision }: VersionedWebhook,
): WebhookEnvelope {
  setWriteHeaders(reply, { revision, position: null });
  return { data: toWebhookView(subscription) };
}
