import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { VersionedWebhook, WebhookDirectory } from '../../webhook-directory';

export class GetWebhookQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}

/** One subscription the caller manages, with its revision; any other id is 404. */
@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery, VersionedWebhook> {
  constructor(private readonly directory: WebhookDirectory) {}

  execute({ principal, id }: GetWebhookQuery): Promise<VersionedWebhook> {
    return this.directory.findManageable(principal, id);
  }
}
