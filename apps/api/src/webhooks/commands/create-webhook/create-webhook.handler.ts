import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdGenerator, Principal } from '@keyledger/domain';
import { ID_GENERATOR } from '../../../infrastructure/tokens';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { selectEventTypes } from '../../event-type-selection';
import { assertMaySubscribe } from '../../webhook-access';
import { liveWebhook, webhookStreamOf } from '../../webhook-directory';
import { WebhookSecrets } from '../../webhook-secrets';
import { WebhookTargets } from '../../webhook-targets';
import { toWebhookView, WebhookSecretResult } from '../../webhook-view';
import { CreateWebhookInput } from './create-webhook.input';

export class CreateWebhookCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateWebhookInput,
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
    private readonly pipeline: WritePipeline,
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
    const { state, revision, position } = await this.pipeline.write(
      { principal, context, ifMatch: null },
      {
        find: () => ({ id: this.ids.next(), org_id: request.org_id ?? principal.active_org_id }),
        streamOf: webhookStreamOf,
        commands: ({ id }, now) => [
          {
            type: 'CreateWebhookSubscription' as const,
            subscription_id: id,
            scope: request.scope,
            org_id: request.org_id,
            active_org_id: principal.active_org_id,
            owner_user_id: principal.user_id,
            url: request.url,
            event_types: selectEventTypes(request.event_types),
            now,
          },
        ],
        beforeAppend: (events) => assertMaySubscribe(principal, events),
      },
    );
    const subscription = liveWebhook(state);
    // Subscriptions are read from their streams: every read already shows the write.
    return {
      data: toWebhookView(subscription),
      secret: this.secrets.of(subscription),
      revision,
      position,
      visible: true,
    };
  }
}
