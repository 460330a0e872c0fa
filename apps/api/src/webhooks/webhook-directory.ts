import { Inject, Injectable } from '@nestjs/common';
import { canManageKey, DomainError, Principal } from '@keyledger/domain';
import {
  WebhookFacts,
  webhookStream,
  webhookSubscriptionDecider,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { foldStream } from '@keyledger/commands';

/** One 404 for missing, deleted and invisible subscriptions: none may reveal that the id exists. */
export const webhookNotFound = (): DomainError =>
  new DomainError('not_found', 'Webhook subscription not found.');

/** A live subscription and the revision of its stream: its ETag. */
export interface VersionedWebhook {
  readonly subscription: WebhookFacts;
  readonly revision: number | null;
}

/** The facts of a subscription a command left live (every command but a deletion does). */
export function liveWebhook(state: WebhookSubscriptionState): WebhookFacts {
  if (state.status !== 'live') throw webhookNotFound();
  return state.subscription;
}

/**
 * Finds one webhook subscription, as a principal may manage it, straight from its stream (the
 * list reads the webhook read model): every answer includes the caller's own writes. Seeing a
 * subscription is managing it (its URL and delivery log are an administrator's business): the
 * owner of a personal one, a holder of manageApiKeys for an org's, as for keys (`canManageKey`).
 */
@Injectable()
export class WebhookDirectory {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The live subscription if the principal may manage it; otherwise the 404 a missing one gets. */
  async findManageable(principal: Principal, id: string): Promise<VersionedWebhook> {
    const history = await this.events.readStream(webhookStream(id));
    const state = foldStream(webhookSubscriptionDecider, history);
    if (state.status !== 'live' || !canManageKey(principal, state.subscription))
      throw webhookNotFound();
    return { subscription: state.subscription, revision: history.at(-1)?.revision ?? null };
  }
}
