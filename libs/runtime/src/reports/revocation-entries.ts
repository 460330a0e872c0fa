import {
  AuditEntryDocument,
  DocumentCollection,
  DocumentFilter,
  Page,
} from '@keyledger/read-models';

/** Entries read per query while a report streams. */
const ENTRY_BATCH = 1_000;

/**
 * The audit log's `KeyRevoked` entries within a scope (the caller's, as `AuditScope` gives it, or
 * one org's keys), in position order: indexed queries on the audit read model, the event type
 * checked on the index entries, one page in memory at a time.
 */
export async function* revocationEntries(
  entries: DocumentCollection<AuditEntryDocument>,
  scope: Pick<DocumentFilter<AuditEntryDocument>, 'where' | 'anyOf'>,
): AsyncGenerator<AuditEntryDocument> {
  let cursor: string | null = null;
  do {
    const page: Page<AuditEntryDocument> = await entries.find({
      where: { ...scope.where, event_type: 'KeyRevoked' },
      anyOf: scope.anyOf,
      sort: [{ field: 'position', direction: 'asc' }],
      limit: ENTRY_BATCH,
      cursor,
    });
    yield* page.items;
    cursor = page.next_cursor;
  } while (cursor !== null);
}
