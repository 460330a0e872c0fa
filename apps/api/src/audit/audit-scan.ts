import {
  AuditEntryDocument,
  DocumentCollection,
  Page,
  SortOrder,
  Where,
} from '@keyledger/read-models';
import { isOpen, judge, ScanOrder, TimeWindow } from '@keyledger/governance';

/** Which audit entries a query wants: store conditions, and a time window checked while scanning. */
export interface AuditSelection {
  readonly where: Where<AuditEntryDocument>;
  /** The caller's scope, as alternatives (see AuditScope); none: every entry `where` selects. */
  readonly anyOf?: readonly Where<AuditEntryDocument>[];
  readonly window: TimeWindow;
}

/** One page of the audit log; `next_cursor` is null once nothing further can match. */
export interface AuditPage {
  readonly items: readonly AuditEntryDocument[];
  readonly next_cursor: string | null;
}

/** Entries fetched per store query while the time window filters. */
const SCAN_BATCH = 200;

/**
 * Most entries one page request reads before answering with what it found: a narrow window over
 * a long log gives short (even empty) pages with a cursor, never an unbounded request.
 */
export const SCAN_BUDGET = 5_000;

/** Entries per store query when streaming an export. */
const EXPORT_BATCH = 1_000;

const byPosition = (order: ScanOrder): SortOrder<AuditEntryDocument> => [
  { field: 'position', direction: order },
];

/**
 * Up to `limit` matching entries after `cursor`, in position order. The cursor is the store's
 * own, placed right after the last entry returned (an extra short query when that entry sits
 * inside a fetched batch), so a page is resumed exactly, whatever the window skipped.
 */
export async function scanPage(
  entries: DocumentCollection<AuditEntryDocument>,
  { where, anyOf, window }: AuditSelection,
  request: { readonly order: ScanOrder; readonly limit: number; readonly cursor: string | null },
): Promise<AuditPage> {
  const { order, limit } = request;
  const sort = byPosition(order);
  const batch = isOpen(window) ? limit : Math.max(limit, SCAN_BATCH);
  const taken: AuditEntryDocument[] = [];
  let after = request.cursor;
  let scanned = 0;
  for (;;) {
    const page = await entries.find({ where, anyOf, sort, limit: batch, cursor: after });
    for (const [index, entry] of page.items.entries()) {
      const verdict = judge(entry, window, order);
      if (verdict === 'stop') return { items: taken, next_cursor: null };
      if (verdict === 'skip') continue;
      taken.push(entry);
      if (taken.length < limit) continue;
      if (index === page.items.length - 1) return { items: taken, next_cursor: page.next_cursor };
      const cut = await entries.find({ where, anyOf, sort, limit: index + 1, cursor: after });
      return { items: taken, next_cursor: cut.next_cursor };
    }
    scanned += page.items.length;
    if (page.next_cursor === null) return { items: taken, next_cursor: null };
    after = page.next_cursor;
    if (scanned >= SCAN_BUDGET) return { items: taken, next_cursor: after };
  }
}

/** Every matching entry, oldest first, one store page in memory at a time: the export's source. */
export async function* scanAll(
  entries: DocumentCollection<AuditEntryDocument>,
  { where, anyOf, window }: AuditSelection,
): AsyncGenerator<AuditEntryDocument> {
  const sort = byPosition('asc');
  let after: string | null = null;
  do {
    const page: Page<AuditEntryDocument> = await entries.find({
      where,
      anyOf,
      sort,
      limit: EXPORT_BATCH,
      cursor: after,
    });
    for (const entry of page.items) {
      const verdict = judge(entry, window, 'asc');
      if (verdict === 'stop') return;
      if (verdict === 'take') yield entry;
    }
    after = page.next_cursor;
  } while (after !== null);
}
