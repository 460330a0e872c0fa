/** Where a delivery stands: waiting (first try or retry), done, given up, or its subscription deleted. */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

/** One event owed to one subscription: the outbox row, unique per (subscription, event). */
export interface Delivery {
  readonly subscription_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When the next attempt is due (ISO-8601); null unless pending. */
  readonly next_attempt_at: string | null;
}

/** A pending delivery whose time has come, with where it goes and how it is signed now. */
export interface DueDelivery {
  readonly subscription_id: string;
  readonly event_id: string;
  readonly event_type: string;
  /** The exact bytes sent on every attempt, fixed when the delivery was enqueued. */
  readonly body: string;
  readonly attempts: number;
  /** The subscription's current URL: an update redirects deliveries still waiting. */
  readonly url: string;
  readonly secret_version: number;
}

/** What one attempt did, as the delivery log keeps it. */
export interface AttemptOutcome {
  readonly attempted_at: string;
  /** Null when no response came (network error, timeout). */
  readonly status_code: number | null;
  readonly duration_ms: number;
  /** Null on success (2xx). */
  readonly error: string | null;
}

/** One line of the delivery log. */
export interface DeliveryAttempt extends AttemptOutcome {
  readonly subscription_id: string;
  readonly event_id: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly url: string;
  /** The delivery's status right after this attempt. */
  readonly outcome: Exclude<DeliveryStatus, 'cancelled'>;
}
