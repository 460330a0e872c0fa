import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalid, Principal } from '@keyledger/domain';
import { InvalidCursorError } from '@keyledger/read-models';
import { AuditEntryView, toAuditEntryView } from '../../audit-entry-view';
import { AuditLog } from '../../audit-log';
import { scanPage } from '../../audit-scan';
import { ListAuditEntriesInput } from './list-audit-entries.input';

export class ListAuditEntriesQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ListAuditEntriesInput,
  ) {}
}

/** A page of the audit log; a time range may give short pages, so follow `next_cursor` to null. */
export interface AuditEntryPage {
  readonly data: AuditEntryView[];
  readonly next_cursor: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/** The caller's audit log, filtered, in global position order with a stable cursor. */
@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<
  ListAuditEntriesQuery,
  AuditEntryPage
> {
  constructor(private readonly log: AuditLog) {}

  async execute({ principal, filters }: ListAuditEntriesQuery): Promise<AuditEntryPage> {
    const selection = await this.log.select(principal, filters);
    try {
      const page = await scanPage(this.log.entries, selection, {
        order: filters.order ?? 'desc',
        limit: filters.limit ?? DEFAULT_PAGE_SIZE,
        cursor: filters.cursor ?? null,
      });
      return { data: page.items.map(toAuditEntryView), next_cursor: page.next_cursor };
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw invalid([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
      throw error;
    }
  }
}
