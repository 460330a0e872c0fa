import { KeyEvent, KeyLimitThresholdReached, OrgKeyPolicyEvent } from '@keyledger/domain';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '@keyledger/domain/webhooks';
import { RecordedEvent } from '@keyledger/event-store';

/** What a receiver gets: the event's id, its public type, when it happened, and what changed. */
export interface WebhookPayload {
  readonly id: string;
  readonly type: WebhookEventType;
  readonly created_at: string;
  /** A key event's payload holds `key_id`; an org event's, `org_id`. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Fields kept from receivers: the secret's keyed hashes identify a key to our management routes,
 * and the creator's org permissions are an internal snapshot, not part of the public contract.
 */
const WITHHELD = new Set(['hash', 'previous_hash', 'org_permissions']);

/** The public payload of a key event or an org's key policy change. */
export function webhookPayload(
  event: RecordedEvent & (KeyEvent | KeyLimitThresholdReached | OrgKeyPolicyEvent),
): WebhookPayload {
  const data = Object.fromEntries(
    Object.entries(event.data).filter(([field]) => !WITHHELD.has(field)),
  );
  return {
    id: event.id,
    type: WEBHOOK_EVENT_TYPES[event.type],
    created_at: event.metadata.occurred_at,
    data,
  };
}
