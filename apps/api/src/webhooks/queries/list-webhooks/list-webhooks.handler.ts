import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { actingMemberships, canCreateKeyIn, canManageKey, Principal } from '@keyledger/domain';
import {
  Audience,
  orgAudience,
  ProjectionRunner,
  ReadStore,
  userAudience,
  WEBHOOK_SUBSCRIPTION_DOCUMENTS,
  WebhookSubscriptionDocument,
} from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { READ_STORE } from '../../../infrastructure/tokens';
import { toWebhookView, WebhookView } from '../../webhook-view';

export class ListWebhooksQuery {
  constructor(readonly principal: Principal) {}
}

/** The list of subscriptions; every one the caller manages (they are few: no paging). */
export interface WebhookList {
  readonly data: WebhookView[];
}

/** Subscriptions read per indexed query. */
const PAGE = 500;

/**
 * The audiences whose subscriptions a principal manages, as `canManageKey` decides for keys: its
 * personal ones, and those of each org where it may create keys (manageApiKeys).
 */
function manageableAudiences(principal: Principal): Audience[] {
  const personal = canCreateKeyIn(principal, null) ? [userAudience(principal.user_id)] : [];
  const orgs = actingMemberships(principal).filter((org) => canCreateKeyIn(principal, org.id));
  return [...personal, ...orgs.map((org) => orgAudience(org.id))];
}

/**
 * The caller's personal subscriptions and those of the orgs it administers, newest first: from the
 * webhook read model, one indexed query per audience, once the read models include every event
 * already stored (bounded), so a caller always lists what it just created or deleted.
 */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, WebhookList> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
  ) {}

  async execute({ principal }: ListWebhooksQuery): Promise<WebhookList> {
    await this.runner.catchUp(this.config.readYourWritesTimeoutMs);
    const subscriptions = this.store.collection(WEBHOOK_SUBSCRIPTION_DOCUMENTS);
    const audiences = manageableAudiences(principal);
    const listed: WebhookSubscriptionDocument[] = [];
    for (let cursor: string | null = null; audiences.length > 0;) {
      const page = await subscriptions.find({
        where: { audience: { in: audiences }, deleted: false },
        sort: [{ field: 'created_at', direction: 'desc' }],
        limit: PAGE,
        cursor,
      });
      listed.push(...page.items);
      cursor = page.next_cursor;
      if (cursor === null) break;
    }
    return {
      data: listed
        .filter((subscription) => canManageKey(principal, subscription))
        .map(toWebhookView),
    };
  }
}
