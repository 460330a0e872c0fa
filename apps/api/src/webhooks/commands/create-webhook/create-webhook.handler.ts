import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, IdGenerator, Principal } from '@keyledger/domain';
import { webhookStream, webhookSubscriptionDecider } from '@keyledger/domain/webhooks';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../../../infrastructure/tokens';
import { decideAndAppend } from '@keyledger/commands';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { selectEventTypes } from '../../event-type-selection';
import { assertMaySubscribe } from '../../webhook-access';
import { WebhookSecretResult } from '../../webhook-answers';
import { liveWebhook } from '../../webhook-directory';
import { WebhookSecrets } from '../../webhook-secrets';
import { WebhookTargets } from '../../webhook-targets';
import { toWebhookView } from '../../webhook-view';
import { CreateWebhookRequestDto } from './create-webhook.request.dto';

export class CreateWebhookCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateWebhookRequestDto,
  ) {}
}

/**
 * Subscribes an endpoint to key events of the caller's own keys or of an org it administers, and
 * answers with the signing secret, shown this once (derived, stored nowhere).
 */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<
  CreateWebhookCommand,
  WebhookSecretResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly secrets: WebhookSecrets,
    private readonly targets: WebhookTargets,
  ) {}

  async execute({
    principal,
    context,
    request,
  }: CreateWebhookCommand): Promise<WebhookSecretResult> {
    this.targets.assertAllowed(request.url);
    const now = this.clock.now();
    const id = this.ids.next();
    const outcome = await decideAndAppend(
      this.events,
      webhookSubscriptionDecider,
      webhookStream(id),
      {
        type: 'CreateWebhookSubscription',
        subscription_id: id,
        scope: request.scope,
        org_id: request.org_id,
        active_org_id: principal.active_org_id,
        owner_user_id: principal.user_id,
        url: request.url,
        event_types: selectEventTypes(request.event_types),
        now: now.toISOString(),
      },
      eventMetadata(principal, context, request.org_id ?? principal.active_org_id, now),
      { beforeAppend: (events) => assertMaySubscribe(principal, events) },
    );
    const subscription = liveWebhook(outcome.state);
    return {
      subscription: toWebhookView(subscription),
      secret: this.secrets.of(subscription),
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
