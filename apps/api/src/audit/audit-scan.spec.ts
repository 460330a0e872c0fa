import { auditEntry } from '@keyledger/governance/testing';
import {
  AUDIT_ENTRY_DOCUMENTS,
  AuditEntryDocument,
  DocumentCollection,
  MemoryReadStore,
} from '@keyledger/read-models';
import { AuditSelection, SCAN_BUDGET, scanAll, scanPage } from './audit-scan';
import { OPEN_WINDOW, ScanOrder } from '@keyledger/governance';

const START = Date.parse('2026-01-01T00:00:00.000Z');
const MINUTE = 60_000;
/** Entry n happened n minutes after START, on key k1 when n is odd and k2 when even. */
const minute = (n: number) => new Date(START + n * MINUTE).toISOString();

async function auditLog(count: number): Promise<DocumentCollection<AuditEntryDocument>> {
  const entries = new MemoryReadStore().collection(AUDIT_ENTRY_DOCUMENTS);
  const positions = Array.from({ length: count }, (_, i) => i + 1);
  await entries.write(
    positions.map((position) => ({
      id: `evt_${position}`,
      position,
      document: auditEntry({
        id: `evt_${position}`,
        position,
        key_id: position % 2 === 1 ? 'k1' : 'k2',
        occurred_at: minute(position),
        recorded_at: minute(position),
      }),
    })),
  );
  return entries;
}

/** Every page of a scan, following cursors to the end. */
async function allPages(
  entries: DocumentCollection<AuditEntryDocument>,
  selection: AuditSelection,
  order: ScanOrder,
  limit: number,
): Promise<{ positions: number[]; pages: number }> {
  const positions: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Awaited<ReturnType<typeof scanPage>> = await scanPage(entries, selection, {
      order,
      limit,
      cursor,
    });
    positions.push(...page.items.map((entry) => entry.position));
    cursor = page.next_cursor;
    pages++;
  } while (cursor !== null);
  return { positions, pages };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('scanPage', () => {
  it('pages through the whole log once, in either order', async () => {
    const entries = await auditLog(25);
    const open = { where: {}, window: OPEN_WINDOW };
    expect(await allPages(entries, open, 'asc', 10)).toEqual({ positions: range(1, 25), pages: 3 });
    expect((await allPages(entries, open, 'desc', 10)).positions).toEqual(range(1, 25).reverse());
  });

  it('applies the store conditions', async () => {
    const entries = await auditLog(10);
    const { positions } = await allPages(
      entries,
      { where: { key_id: { in: ['k2'] } }, window: OPEN_WINDOW },
      'asc',
      3,
    );
    expect(positions).toEqual([2, 4, 6, 8, 10]);
  });

  it('resumes inside a batch exactly where the window left off', async () => {
    const entries = await auditLog(600);
    const window = { from: Date.parse(minute(100)), to: Date.parse(minute(451)) };
    const asc = await allPages(entries, { where: {}, window }, 'asc', 7);
    expect(asc.positions).toEqual(range(100, 450));
    const desc = await allPages(entries, { where: {}, window }, 'desc', 50);
    expect(desc.positions).toEqual(range(100, 450).reverse());
  });

  it('ends past the far edge of the window instead of reading the rest of the log', async () => {
    const entries = await auditLog(1000);
    // The window ends at minute 30; the margin is 15 minutes, so the scan stops near minute 46.
    const page = await scanPage(
      entries,
      { where: {}, window: { from: null, to: Date.parse(minute(31)) } },
      { order: 'asc', limit: 100, cursor: null },
    );
    expect(page.items.map((entry) => entry.position)).toEqual(range(1, 30));
    expect(page.next_cursor).toBeNull();
  });

  it('answers a short page with a cursor once it has read its budget', async () => {
    const count = SCAN_BUDGET + 500;
    const entries = await auditLog(count);
    const selection = { where: {}, window: { from: Date.parse(minute(count - 2)), to: null } };
    const first = await scanPage(entries, selection, { order: 'asc', limit: 10, cursor: null });
    expect(first.items).toEqual([]);
    expect(first.next_cursor).not.toBeNull();
    const second = await scanPage(entries, selection, {
      order: 'asc',
      limit: 10,
      cursor: first.next_cursor,
    });
    expect(second.items.map((entry) => entry.position)).toEqual([count - 2, count - 1, count]);
    expect(second.next_cursor).toBeNull();
  });
});

describe('scanAll', () => {
  it('streams the matching entries oldest first', async () => {
    const entries = await auditLog(2500);
    const seen: number[] = [];
    const window = { from: Date.parse(minute(10)), to: Date.parse(minute(2001)) };
    for await (const entry of scanAll(entries, { where: { key_id: 'k1' }, window }))
      seen.push(entry.position);
    expect(seen).toEqual(range(10, 2000).filter((n) => n % 2 === 1));
  });
});
