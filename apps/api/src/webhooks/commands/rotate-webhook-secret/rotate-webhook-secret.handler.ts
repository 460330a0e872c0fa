import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { webhookStream, webhookSubscriptionDecider } from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '../../../shared/commands/decide-and-append';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { WebhookSecretResult } from '../../webhook-answers';
import { liveWebhook, WebhookDirectory } from '../../webhook-directory';
import { WebhookSecrets } from '../../webhook-secrets';
import { toWebhookView } from '../../webhook-view';

export class RotateWebhookSecretCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly id: string,
    readonly ifMatch: number | null,
  ) {}
}

/**
 * Replaces the signing secret at once (the old one may have leaked): every attempt from now on,
 * retries of older events included, is signed with the new one, shown in this response only.
 */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<
  RotateWebhookSecretCommand,
  WebhookSecretResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: WebhookDirectory,
    private readonly secrets: WebhookSecrets,
  ) {}

  async execute({
    principal,
    context,
    id,
    ifMatch,
  }: RotateWebhookSecretCommand): Promise<WebhookSecretResult> {
    const { subscription } = await this.directory.findManageable(principal, id);
    const now = this.clock.now();
    const outcome = await decideAndAppend(
      this.events,
      webhookSubscriptionDecider,
      webhookStream(subscription.id),
      { type: 'RotateWebhookSecret', now: now.toISOString() },
      eventMetadata(principal, context, subscription.org_id, now),
      { ifMatch },
    );
    const rotated = liveWebhook(outcome.state);
    return {
      subscription: toWebhookView(rotated),
      secret: this.secrets.of(rotated),
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
