import { canCreateKeyIn, DomainError, Principal } from '@keyledger/domain';
import { WebhookSubscriptionEvent } from '@keyledger/domain/webhooks';

/**
 * The decider settles whose subscription it is; the caller must be allowed to create keys there:
 * a subscription hears about exactly those keys, so it needs the same right (SPEC §2).
 */
export function assertMaySubscribe(
  principal: Principal,
  events: readonly WebhookSubscriptionEvent[],
): void {
  for (const event of events) {
    if (
      event.type === 'WebhookSubscriptionCreated' &&
      !canCreateKeyIn(principal, event.data.org_id)
    )
      throw new DomainError(
        'forbidden',
        event.data.org_id === null
          ? 'This API key may not manage personal webhook subscriptions.'
          : 'Org webhook subscriptions need the manageApiKeys permission in that organization (and the management scope for API keys).',
      );
  }
}
