import { Inject, Injectable } from '@nestjs/common';
import { canManageKey, DomainError, Principal } from '@keyledger/domain';
import {
  WebhookFacts,
  webhookStream,
  webhookSubscriptionDecider,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { EventStore, RecordedEvent } from '@keyledger/event-store';
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

const CATEGORY = webhookStream('');
const PAGE = 1000;

/**
 * Finds webhook subscriptions, as a principal may manage them, straight from their streams: no
 * read model to wait for, so every answer includes the caller's own writes. Seeing a
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

  /**
   * Every live subscription the principal may manage, newest first. Folds the `webhook-`
   * category of the global order: subscriptions are few and change rarely, unlike keys.
   */
  async listManageable(principal: Principal): Promise<WebhookFacts[]> {
    const streams = new Map<string, RecordedEvent[]>();
    for await (const event of this.category()) {
      const history = streams.get(event.stream) ?? [];
      history.push(event);
      streams.set(event.stream, history);
    }
    // Streams were met in the order of their first event: creation order, reversed for newest first.
    return [...streams.values()]
      .reverse()
      .map((history) => foldStream(webhookSubscriptionDecider, history))
      .flatMap((state) => (state.status === 'live' ? [state.subscription] : []))
      .filter((subscription) => canManageKey(principal, subscription));
  }

  private async *category(): AsyncGenerator<RecordedEvent> {
    for (let fromPosition = 0; ;) {
      const page = await this.events.readAll({
        fromPosition,
        maxCount: PAGE,
        filter: { streamPrefixes: [CATEGORY] },
      });
      yield* page;
      if (page.length < PAGE) return;
      fromPosition = page[page.length - 1].position;
    }
  }
}
