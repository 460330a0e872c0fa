import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { Versioned } from '../../../shared/writes/write-result';
import { WebhookDirectory } from '../../webhook-directory';
import { toWebhookView, WebhookView } from '../../webhook-view';

export class GetWebhookQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}

/** One subscription the caller manages, with its revision; any other id is 404. */
@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery, Versioned<WebhookView>> {
  constructor(private readonly directory: WebhookDirectory) {}

  async execute({ principal, id }: GetWebhookQuery): Promise<Versioned<WebhookView>> {
    const { data, revision } = await this.directory.findManageable(principal, id);
    return { data: toWebhookView(data), revision };
  }
}
