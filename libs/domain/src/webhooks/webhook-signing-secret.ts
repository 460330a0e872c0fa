import { createHmac } from 'node:crypto';

/** Marks a webhook signing secret, so that secret scanners and people recognise one. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * A subscription's signing secret, derived as HMAC-SHA-256(server key, "<id>:<version>") rather
 * than generated: nothing secret is ever stored (events never carry a secret), yet the delivery
 * worker can sign and the API can show it once at creation or rotation. Rotating bumps the
 * version. Whoever holds the server key can derive every secret, so it is kept like the pepper.
 */
export function webhookSigningSecret(
  serverKey: string,
  subscriptionId: string,
  secretVersion: number,
): string {
  if (serverKey.length < 32) throw new Error('the webhook server key needs at least 32 characters');
  const digest = createHmac('sha256', serverKey)
    .update(`${subscriptionId}:${secretVersion}`)
    .digest('hex');
  return `${WEBHOOK_SECRET_PREFIX}${digest}`;
}
