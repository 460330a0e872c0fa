import { invalid } from '@keyledger/domain';
import { Delivery, DeliveryAttempt, DeliveryStatus } from '@keyledger/webhooks';

/** One attempt at a delivery, as the delivery log shows it. */
export type AttemptView = Omit<DeliveryAttempt, 'subscription_id' | 'event_id'>;

/** One event owed to a subscription: where it stands, when it is tried next, every attempt. */
export interface DeliveryView {
  readonly event_id: string;
  readonly event_type: string;
  readonly status: DeliveryStatus;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When the next attempt is due (ISO-8601); null unless pending. */
  readonly next_attempt_at: string | null;
  /** Oldest first. */
  readonly attempt_log: readonly AttemptView[];
}

/** A page of the delivery log, newest event first. */
export interface DeliveryLogPage {
  readonly data: DeliveryView[];
  readonly next_cursor: string | null;
}

/** Which page: a status filter, a size, and the `next_cursor` of the page before. */
export interface DeliveryLogRequest {
  readonly status?: DeliveryStatus;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Pages a subscription's deliveries (oldest first, as the ledger keeps them) newest first, each
 * with its attempts. The cursor is the last event id shown: deliveries are never removed, so it
 * stays valid while newer ones arrive above it.
 */
export function deliveryLogPage(
  deliveries: readonly Delivery[],
  attempts: readonly DeliveryAttempt[],
  { status, limit, cursor }: DeliveryLogRequest,
): DeliveryLogPage {
  const newestFirst = [...deliveries].reverse();
  const after = cursor === undefined ? -1 : newestFirst.findIndex((d) => d.event_id === cursor);
  if (after === -1 && cursor !== undefined)
    throw invalid([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  const matching = newestFirst
    .slice(after + 1)
    .filter((delivery) => status === undefined || delivery.status === status);
  const page = matching.slice(0, limit);
  const logs = attemptsByEvent(attempts);
  return {
    data: page.map((delivery) => ({
      event_id: delivery.event_id,
      event_type: delivery.event_type,
      status: delivery.status,
      attempts: delivery.attempts,
      next_attempt_at: delivery.next_attempt_at,
      attempt_log: logs.get(delivery.event_id) ?? [],
    })),
    next_cursor: matching.length > limit ? page[page.length - 1].event_id : null,
  };
}

/** The attempt's public fields, listed: a field the ledger adds later stays internal. */
const toAttemptView = ({
  attempt,
  url,
  attempted_at,
  status_code,
  duration_ms,
  error,
  outcome,
}: DeliveryAttempt): AttemptView => ({
  attempt,
  url,
  attempted_at,
  status_code,
  duration_ms,
  error,
  outcome,
});

function attemptsByEvent(attempts: readonly DeliveryAttempt[]): Map<string, AttemptView[]> {
  const logs = new Map<string, AttemptView[]>();
  for (const attempt of attempts) {
    const log = logs.get(attempt.event_id) ?? [];
    log.push(toAttemptView(attempt));
    logs.set(attempt.event_id, log);
  }
  return logs;
}
