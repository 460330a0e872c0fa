import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { WriteResult } from '../../../shared/writes/write-result';
import { selectEventTypes } from '../../event-type-selection';
import { liveWebhook, WebhookDirectory } from '../../webhook-directory';
import { WebhookTargets } from '../../webhook-targets';
import { toWebhookView, WebhookView } from '../../webhook-view';
import { UpdateWebhookInput } from './update-webhook.input';

export class UpdateWebhookCommand {
  constructor(
    readonly target: CommandTarget,
    readonly request: UpdateWebhookInput,
  ) {}
}

/**
 * Changes the endpoint or the announced types. Deliveries still waiting for a retry go to the new
 * URL; events already enqueued stay enqueued whatever the new types.
 */
@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<
  UpdateWebhookCommand,
  WriteResult<WebhookView>
> {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly directory: WebhookDirectory,
    private readonly targets: WebhookTargets,
  ) {}

  async execute({ target, request }: UpdateWebhookCommand): Promise<WriteResult<WebhookView>> {
    this.targets.assertAllowed(request.url);
    const { state, revision, position } = await this.pipeline.write(
      target,
      this.directory.changing(target, (now) => ({
        type: 'UpdateWebhookSubscription',
        url: request.url,
        event_types: request.event_types && selectEventTypes(request.event_types),
        enabled: request.enabled,
        now,
      })),
    );
    // Subscriptions are read from their streams: every read already shows the write.
    return { data: toWebhookView(liveWebhook(state)), revision, position, visible: true };
  }
}
