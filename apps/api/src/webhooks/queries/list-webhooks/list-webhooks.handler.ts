import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { WebhookDirectory } from '../../webhook-directory';
import { toWebhookView, WebhookView } from '../../webhook-view';

export class ListWebhooksQuery {
  constructor(readonly principal: Principal) {}
}

/** The list of subscriptions; every one the caller manages (they are few: no paging). */
export interface WebhookList {
  readonly data: WebhookView[];
}

/** The caller's personal subscriptions and those of the orgs it administers, newest first. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, WebhookList> {
  constructor(private readonly directory: WebhookDirectory) {}

  async execute({ principal }: ListWebhooksQuery): Promise<WebhookList> {
    return { data: (await this.directory.listManageable(principal)).map(toWebhookView) };
  }
}
