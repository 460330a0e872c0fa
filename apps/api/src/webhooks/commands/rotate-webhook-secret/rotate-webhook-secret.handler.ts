import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { liveWebhook, WebhookDirectory } from '../../webhook-directory';
import { WebhookSecrets } from '../../webhook-secrets';
import { toWebhookView, WebhookSecretResult } from '../../webhook-view';

export class RotateWebhookSecretCommand {
  constructor(readonly target: CommandTarget) {}
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
    private readonly pipeline: WritePipeline,
    private readonly directory: WebhookDirectory,
    private readonly secrets: WebhookSecrets,
  ) {}

  async execute({ target }: RotateWebhookSecretCommand): Promise<WebhookSecretResult> {
    const { state, revision, position } = await this.pipeline.write(
      target,
      this.directory.changing(target, (now) => ({ type: 'RotateWebhookSecret', now })),
    );
    const rotated = liveWebhook(state);
    // Subscriptions are read from their streams: every read already shows the write.
    return {
      data: toWebhookView(rotated),
      secret: this.secrets.of(rotated),
      revision,
      position,
      visible: true,
    };
  }
}
