import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { webhookStream, webhookSubscriptionDecider } from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '../../../shared/commands/decide-and-append';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { selectEventTypes } from '../../event-type-selection';
import { WebhookWriteResult } from '../../webhook-answers';
import { liveWebhook, WebhookDirectory } from '../../webhook-directory';
import { toWebhookView } from '../../webhook-view';
import { UpdateWebhookRequestDto } from './update-webhook.request.dto';

export class UpdateWebhookCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly id: string,
    readonly request: UpdateWebhookRequestDto,
    readonly ifMatch: number | null,
  ) {}
}

/**
 * Changes the endpoint or the announced types. Deliveries still waiting for a retry go to the new
 * URL; events already enqueued stay enqueued whatever the new types.
 */
@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<
  UpdateWebhookCommand,
  WebhookWriteResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: WebhookDirectory,
  ) {}

  async execute({
    principal,
    context,
    id,
    request,
    ifMatch,
  }: UpdateWebhookCommand): Promise<WebhookWriteResult> {
    // Found first: a stale If-Match or a bad field must not tell a stranger that the id exists.
    const { subscription } = await this.directory.findManageable(principal, id);
    const now = this.clock.now();
    const outcome = await decideAndAppend(
      this.events,
      webhookSubscriptionDecider,
      webhookStream(subscription.id),
      {
        type: 'UpdateWebhookSubscription',
        url: request.url,
        event_types: request.event_types && selectEventTypes(request.event_types),
        enabled: request.enabled,
        now: now.toISOString(),
      },
      eventMetadata(principal, context, subscription.org_id, now),
      { ifMatch },
    );
    return {
      subscription: toWebhookView(liveWebhook(outcome.state)),
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
