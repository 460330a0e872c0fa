import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { RequestContext } from '../../../shared/request-context/request-context';
import { selectEventTypes } from '../../event-type-selection';
import { WebhookWriteResult } from '../../webhook-answers';
import { liveWebhook } from '../../webhook-directory';
import { toWebhookView } from '../../webhook-view';
import { WebhookTargets } from '../../webhook-targets';
import { WebhookWriter } from '../../webhook-writer';
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
    private readonly writer: WebhookWriter,
    private readonly targets: WebhookTargets,
  ) {}

  async execute(command: UpdateWebhookCommand): Promise<WebhookWriteResult> {
    const { request } = command;
    this.targets.assertAllowed(request.url);
    const outcome = await this.writer.change(command, (now) => ({
      type: 'UpdateWebhookSubscription',
      url: request.url,
      event_types: request.event_types && selectEventTypes(request.event_types),
      enabled: request.enabled,
      now,
    }));
    return {
      subscription: toWebhookView(liveWebhook(outcome.state)),
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
