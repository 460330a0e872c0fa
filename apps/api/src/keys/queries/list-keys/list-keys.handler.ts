import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid, Principal } from '@keyledger/domain';
import { InvalidCursorError, KeyDocument, Page, Where } from '@keyledger/read-models';
import { KeyDirectory } from '../../key-directory';
import { KeyView } from '../../key-view';
import { KeyViews } from '../../key-views';
import { visibleAudiences } from '../../key-visibility';
import { ListKeysInput } from './list-keys.input';

/** The keys a principal can see, as their public views. */
export class ListKeysQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ListKeysInput,
  ) {}
}

/** The same keys as ListKeysQuery, as the read model's documents (what a body is written from). */
export class ListKeyDocumentsQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ListKeysInput,
  ) {}
}

export interface KeyPage {
  readonly data: KeyView[];
  readonly next_cursor: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/** Lists the documents of the keys the caller can see, newest first, with a stable cursor. */
@QueryHandler(ListKeyDocumentsQuery)
export class ListKeyDocumentsHandler implements IQueryHandler<
  ListKeyDocumentsQuery,
  Page<KeyDocument>
> {
  constructor(private readonly directory: KeyDirectory) {}

  async execute({ principal, filters }: ListKeyDocumentsQuery): Promise<Page<KeyDocument>> {
    const where: Where<KeyDocument> = {
      audience: { in: visibleAudiences(principal) },
      ...(filters.include_disabled ? {} : { disabled: false }),
      ...(filters.include_revoked ? {} : { revoked: false }),
      ...(filters.scope ? { scope: filters.scope } : {}),
      ...(filters.org_id ? { org_id: filters.org_id } : {}),
      ...(filters.owner ? { owner_user_id: filters.owner } : {}),
      ...(filters.external_id ? { external_id: filters.external_id } : {}),
    };
    try {
      return await this.directory.keys.find({
        where,
        contains: filters.name ? { field: 'name', text: filters.name } : undefined,
        sort: [{ field: 'created_at', direction: 'desc' }],
        limit: filters.limit ?? DEFAULT_PAGE_SIZE,
        cursor: filters.cursor,
      });
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw invalid([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
      throw error;
    }
  }
}

/** Lists the keys the caller can see as views, newest first, with a stable cursor. */
@QueryHandler(ListKeysQuery)
export class ListKeysHandler implements IQueryHandler<ListKeysQuery, KeyPage> {
  constructor(
    private readonly documents: ListKeyDocumentsHandler,
    private readonly views: KeyViews,
  ) {}

  async execute({ principal, filters }: ListKeysQuery): Promise<KeyPage> {
    const page = await this.documents.execute(new ListKeyDocumentsQuery(principal, filters));
    return { data: page.items.map((key) => this.views.of(key)), next_cursor: page.next_cursor };
  }
}
