import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { WriteReceipt } from '../../../shared/http/write-headers';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WebhookWriter } from '../../webhook-writer';

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
  constructor(private readonly writer: WebhookWriter) {}

  async execute(command: DeleteWebhookCommand): Promise<WriteReceipt> {
    const { revision, position } = await this.writer.change(command, (now) => ({
      type: 'DeleteWebhookSubscription',
      now,
    }));
    return { revision, position };
  }
}
