import { Inject, Injectable } from '@nestjs/common';
import { Clock, Principal } from '@keyledger/domain';
import {
  webhookStream,
  WebhookSubscriptionCommand,
  webhookSubscriptionDecider,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { CommandOutcome, decideAndAppend } from '@keyledger/commands';
import { eventMetadata, RequestContext } from '../shared/request-context/request-context';
import { WebhookDirectory } from './webhook-directory';

/** Which subscription a command is for, who sends it, and the revision they saw (If-Match). */
export interface WebhookTarget {
  readonly principal: Principal;
  readonly context: RequestContext;
  readonly id: string;
  readonly ifMatch: number | null;
}

/** Runs a command on an existing subscription the caller may manage. */
@Injectable()
export class WebhookWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: WebhookDirectory,
  ) {}

  /** Decides `commandAt(now)` on the subscription's stream and appends it at the revision read. */
  async change(
    { principal, context, id, ifMatch }: WebhookTarget,
    commandAt: (now: string) => WebhookSubscriptionCommand,
  ): Promise<CommandOutcome<WebhookSubscriptionState, WebhookSubscriptionEvent>> {
    // Found first: a stale If-Match or a bad field must not tell a stranger that the id exists.
    const { subscription } = await this.directory.findManageable(principal, id);
    const now = this.clock.now();
    return decideAndAppend(
      this.events,
      webhookSubscriptionDecider,
      webhookStream(subscription.id),
      commandAt(now.toISOString()),
      eventMetadata(principal, context, subscription.org_id, now),
      { ifMatch },
    );
  }
}
