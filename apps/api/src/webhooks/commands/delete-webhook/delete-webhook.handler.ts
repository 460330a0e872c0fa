import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { WriteResult } from '../../../shared/writes/write-result';
import { WebhookDirectory } from '../../webhook-directory';

export class DeleteWebhookCommand {
  constructor(readonly target: CommandTarget) {}
}

/**
 * Deletes a subscription for good: nothing more is delivered, and deliveries waiting for a retry
 * are cancelled. The stream keeps its history; a second DELETE finds nothing (404).
 */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<
  DeleteWebhookCommand,
  WriteResult<null>
> {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly directory: WebhookDirectory,
  ) {}

  async execute({ target }: DeleteWebhookCommand): Promise<WriteResult<null>> {
    const { revision, position } = await this.pipeline.write(
      target,
      this.directory.changing(target, (now) => ({ type: 'DeleteWebhookSubscription', now })),
    );
    // Subscriptions are read from their streams: every read already shows the write.
    return { data: null, revision, position, visible: true };
  }
}
