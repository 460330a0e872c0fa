import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '@keyledger/domain/webhooks';

/** Stands for every event type in a request's `event_types`. */
export const ALL_EVENT_TYPES = '*';

/** Every public event type webhooks announce, in a stable order. */
export const KNOWN_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WEBHOOK_EVENT_TYPES);

/**
 * The event types a request asks for: `*` (alone or not) is every type known today. The list is
 * what the subscription stores, so a type added in a later version needs a PATCH to be heard.
 */
export function selectEventTypes(requested: readonly string[]): readonly string[] {
  return requested.includes(ALL_EVENT_TYPES) ? KNOWN_EVENT_TYPES : requested;
}
