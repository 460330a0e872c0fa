import { Inject, Injectable } from '@nestjs/common';
import { canManageKey, DomainError, Principal } from '@keyledger/domain';
import {
  WebhookFacts,
  webhookStream,
  WebhookSubscriptionCommand,
  webhookSubscriptionDecider,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { foldStream } from '@keyledger/commands';
import { CommandTarget } from '../shared/http/command-target';
import { streamsOf, WritePlan } from '../shared/writes/write-pipeline';
import { Versioned } from '../shared/writes/write-result';

/** One 404 for missing, deleted and invisible subscriptions: none may reveal that the id exists. */
export const webhookNotFound = (): DomainError =>
  new DomainError('not_found', 'Webhook subscription not found.');

/** Where a subscription's commands go: its stream, filed under its org (null: personal). */
export const webhookStreamOf = streamsOf(webhookSubscriptionDecider, webhookStream);

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

  /**
   * The live subscription if the principal may manage it, with the revision of its stream (its
   * ETag); otherwise the 404 a missing one gets.
   */
  async findManageable(principal: Principal, id: string): Promise<Versioned<WebhookFacts>> {
    const history = await this.events.readStream(webhookStream(id));
    const state = foldStream(webhookSubscriptionDecider, history);
    if (state.status !== 'live' || !canManageKey(principal, state.subscription))
      throw webhookNotFound();
    return { data: state.subscription, revision: history.at(-1)?.revision ?? null };
  }

  /** The write plan of `commandAt` on the target subscription, which its caller must manage. */
  changing(
    target: CommandTarget,
    commandAt: (now: string) => WebhookSubscriptionCommand,
  ): WritePlan<
    WebhookFacts,
    WebhookSubscriptionCommand,
    WebhookSubscriptionEvent,
    WebhookSubscriptionState
  > {
    return {
      // Found first: a stale If-Match or a bad field must not tell a stranger that the id exists.
      find: async () => (await this.findManageable(target.principal, target.id)).data,
      streamOf: webhookStreamOf,
      commands: (_, now) => [commandAt(now)],
    };
  }
}
