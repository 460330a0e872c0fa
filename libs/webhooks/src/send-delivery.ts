import { Clock } from '@keyledger/domain';
import { AttemptOutcome, DueDelivery } from './delivery';
import { SIGNATURE_HEADER, signatureHeader } from './signature';
import { RefusedTargetError, WebhookSender } from './webhook-sender';

/** Names the delivery's event, so that receivers can drop a redelivery (delivery is at least once). */
export const EVENT_ID_HEADER = 'x-keyledger-event-id';

const USER_AGENT = 'keyledger-webhooks/1';

const errorMessage = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** What one attempt did, and whether another attempt could do better. */
export interface SentAttempt extends AttemptOutcome {
  /** False when the target itself is refused: retrying the same endpoint cannot succeed. */
  readonly retryable: boolean;
}

/** Makes one signed attempt at a delivery and reports what happened; it never throws. */
export async function sendDelivery(
  delivery: DueDelivery,
  secret: string,
  sender: WebhookSender,
  clock: Clock,
  signal: AbortSignal,
): Promise<SentAttempt> {
  const started = clock.now();
  const timestamp = Math.floor(started.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [EVENT_ID_HEADER]: delivery.event_id,
    'x-keyledger-event-type': delivery.event_type,
    'x-keyledger-delivery-attempt': String(delivery.attempts + 1),
    [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, delivery.body),
  };
  let status_code: number | null = null;
  let error: string | null = null;
  let retryable = true;
  try {
    status_code = (await sender.send({ url: delivery.url, headers, body: delivery.body }, signal))
      .status;
    if (status_code < 200 || status_code > 299) error = `HTTP ${status_code}`;
  } catch (failure) {
    error = errorMessage(failure);
    retryable = !(failure instanceof RefusedTargetError);
  }
  return {
    attempted_at: started.toISOString(),
    status_code,
    duration_ms: clock.now().getTime() - started.getTime(),
    error,
    retryable,
  };
}
