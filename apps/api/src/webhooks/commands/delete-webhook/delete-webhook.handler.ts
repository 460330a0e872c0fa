import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { webhookStream, webhookSubscriptionDecider } from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '../../../shared/commands/decide-and-append';
import { WriteReceipt } from '../../../shared/http/write-headers';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { WebhookDirectory } from '../../webhook-directory';

export class DeleteWebhookCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly id: string,
    readonly ifMatch: number | null,
  ) {}
}

/**
 * Deletes a subscription for good: nothing more is delivered, and deliveries waiting for a retry
 * are cancelled. The stream keeps its history; a second DELETE finds nothing (404).
 */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, WriteReceipt> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: WebhookDirectory,
  ) {}

  async execute({ principal, context, id, ifMatch }: DeleteWebhookCommand): Promise<WriteReceipt> {
    const { subscription } = await this.directory.findManageable(principal, id);
    const now = this.clock.now();
    const { revision, position } = await decideAndAppend(
      this.events,
      webhookSubscriptionDecider,
      webhookStream(subscription.id),
      { type: 'DeleteWebhookSubscription', now: now.toISOString() },
      eventMetadata(principal, context, subscription.org_id, now),
      { ifMatch },
    );
    return { revision, position };
  }
}
