import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WebhookSecretResult } from '../../webhook-answers';
import { liveWebhook } from '../../webhook-directory';
import { WebhookSecrets } from '../../webhook-secrets';
import { toWebhookView } from '../../webhook-view';
import { WebhookWriter } from '../../webhook-writer';

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
    private readonly writer: WebhookWriter,
    private readonly secrets: WebhookSecrets,
  ) {}

  async execute(command: RotateWebhookSecretCommand): Promise<WebhookSecretResult> {
    const outcome = await this.writer.change(command, (now) => ({
      type: 'RotateWebhookSecret',
      now,
    }));
    const rotated = liveWebhook(outcome.state);
    return {
      subscription: toWebhookView(rotated),
      secret: this.secrets.of(rotated),
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
