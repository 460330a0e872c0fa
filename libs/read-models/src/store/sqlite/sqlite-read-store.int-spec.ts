import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { AUDIT_ENTRY_DOCUMENTS, AuditEntryDocument } from '../../audit/audit-entry.document';
import { auditEntries } from '../../audit/audit-entry.projection';
import { KEY_DOCUMENTS, KeyDocument } from '../../keys/key.document';
import { keyProjection } from '../../keys/key.projection';
import { foldEvents } from '../../projection/fold-events';
import { keyCreated } from '../../testing/key-events';
import { history, project } from '../../testing/history';
import { DocumentFilter, FindQuery } from '../read-store.port';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

describeReadStoreContract('SQLite', async () => {
  const database = temporaryDatabaseFile();
  const store = new SqliteReadStore({ file: database.file });
  return {
    store,
    dispose: async () => {
      await store.close();
      database.remove();
    },
  };
});

describe('SQLite read store', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  let store: SqliteReadStore;

  beforeEach(() => {
    database = temporaryDatabaseFile();
    store = new SqliteReadStore({ file: database.file });
  });

  afterEach(async () => {
    await store.close();
    database.remove();
  });

  const orgKeys = (count: number) =>
    history(
      ...Array.from({ length: count }, (_, i) => {
        const created_at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        const event = keyCreated(`k${i}`, {
          scope: 'org',
          org_id: i % 2 === 0 ? 'org_a' : 'org_b',
          owner_user_id: `user_${i % 5}`,
          name: `Key ${i}`,
          limit: i % 3 === 0 ? 10 : null,
          created_at,
        });
        return [`key-k${i}`, event] as const;
      }),
    );

  it('keeps documents and checkpoints across a restart', async () => {
    const keys = store.collection(KEY_DOCUMENTS);
    const events = orgKeys(3);
    await store.batch(async () => {
      await keys.write(foldEvents(keyProjection, new Map(), events));
      await store.setCheckpoint(keyProjection.name, 3);
    });
    await store.close();
    store = new SqliteReadStore({ file: database.file });
    expect(await store.getCheckpoint(keyProjection.name)).toBe(3);
    expect((await store.collection(KEY_DOCUMENTS).get('k2'))?.name).toBe('Key 2');
  });

  it('commits a batch whole or not at all', async () => {
    const keys = store.collection(KEY_DOCUMENTS);
    const failing = store.batch(async () => {
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(2)));
      await store.setCheckpoint(keyProjection.name, 2);
      throw new Error('crash before the commit');
    });
    await expect(failing).rejects.toThrow('crash before the commit');
    expect([await keys.count(), await store.getCheckpoint(keyProjection.name)]).toEqual([0, 0]);
  });

  describe('query plans: every page reads an index in order, and no query sorts its matches', () => {
    const live = { audience: 'org:org_a', revoked: false, disabled: false } as const;
    const newestFirst = [{ field: 'created_at', direction: 'desc' }] as const;

    /**
     * The steps SQLite plans for a page of keys, with a cursor from the first page: both the
     * references a cached page reads and the whole rows an uncached one reads.
     */
    async function planOfPages(query: FindQuery<KeyDocument>): Promise<string[]> {
      const keys = store.sqliteCollection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(300)));
      const first = await keys.find({ ...query, limit: 20 });
      expect(first.next_cursor).not.toBeNull();
      const pages = [query, { ...query, cursor: first.next_cursor }];
      return pages.flatMap((page) =>
        (['id, position', 'id, position, doc'] as const).flatMap((columns) =>
          keys
            .pageQueries(page, 21, columns)
            .flatMap(({ sql, params }) => store.queryPlan(sql, params)),
        ),
      );
    }

    it.each<[string, FindQuery<KeyDocument>, string]>([
      [
        'the key list',
        { where: live, sort: newestFirst, limit: 20 },
        'audience__revoked__created_at',
      ],
      [
        'the key list filtered by owner and scope',
        { where: { ...live, owner_user_id: 'user_1', scope: 'org' }, sort: newestFirst, limit: 20 },
        'audience__revoked__created_at',
      ],
      [
        'a name search',
        { where: live, contains: { field: 'name', text: 'KEY 1' }, sort: newestFirst, limit: 20 },
        'audience__revoked__created_at',
      ],
      [
        'the key list with revoked keys',
        { where: { audience: 'org:org_a', disabled: false }, sort: newestFirst, limit: 20 },
        'audience__created_at',
      ],
      [
        'a report, oldest first',
        {
          where: { audience: 'org:org_a', org_id: 'org_a' },
          sort: [{ field: 'created_at', direction: 'asc' }],
          limit: 20,
        },
        'audience__created_at',
      ],
    ])('%s', async (_query, query, index) => {
      const plan = await planOfPages(query);
      expect(
        plan.every((step) => step.startsWith(`SEARCH keys USING INDEX keys__${index} (`)),
      ).toBe(true);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
    });

    it.each<[string, DocumentFilter<AuditEntryDocument>, string]>([
      [
        'an administrator’s audit log',
        { anyOf: [{ key_audience: { in: ['org:org_a', 'user:user_1'] } }] },
        'key_audience__position',
      ],
      [
        'a member’s audit log filtered by event type',
        {
          where: { event_type: { in: ['KeyCreated', 'KeyRevoked'] } },
          anyOf: [{ key_audience: { in: ['org:org_b'] }, key_owner_user_id: 'user_1' }],
        },
        'key_audience__position',
      ],
    ])('%s', async (_query, filter, index) => {
      const entries = store.sqliteCollection(AUDIT_ENTRY_DOCUMENTS);
      const events = orgKeys(300);
      const keys = project(keyProjection, events);
      const owners = auditEntries((id) => {
        const key = keys.get(id);
        return key ? { audience: key.audience, owner_user_id: key.owner_user_id } : null;
      });
      await entries.write(foldEvents(owners, new Map(), events));
      const newestFirst = [{ field: 'position', direction: 'desc' }] as const;
      const first = await entries.find({ ...filter, sort: newestFirst, limit: 1 });
      expect(first.next_cursor).not.toBeNull();
      const plan = [null, first.next_cursor].flatMap((cursor) =>
        entries
          .pageQueries({ ...filter, sort: newestFirst, cursor, limit: 1 }, 2)
          .flatMap(({ sql, params }) => store.queryPlan(sql, params)),
      );
      expect(
        plan.every((step) =>
          step.startsWith(`SEARCH audit_entries USING INDEX audit_entries__${index} (`),
        ),
      ).toBe(true);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
    });

    it.each<[string, DocumentFilter<KeyDocument>]>([
      ['every key of an org', { where: { audience: 'org:org_a' } }],
      [
        'the unrevoked keys expired by now',
        {
          where: { audience: 'org:org_a', revoked: false },
          atMost: { field: 'expires_at', value: '2026-06-30T00:00:00.000Z' },
        },
      ],
    ])('counts the state report’s groups of %s on a covering index', async (_what, filter) => {
      const keys = store.sqliteCollection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(300)));
      const { sql, params } = keys.groupQuery(filter, ['org_id', 'revoked', 'disabled']);
      const plan = store.queryPlan(sql, params);
      expect(
        plan.some((step) => /SEARCH keys USING COVERING INDEX keys__audience__/.test(step)),
      ).toBe(true);
      // The other steps read one document per group, by its row id.
      expect(plan.join('\n')).not.toMatch(/SCAN keys\b/);
    });

    it.each<[string, DocumentFilter<KeyDocument>]>([
      ['every live key', {}],
      ['live keys made by a time', { atMost: { field: 'created_at', value: '2026-06-01' } }],
      ['live keys with a limit', { atMost: { field: 'limit', value: Number.MAX_VALUE } }],
      ['live unlimited keys', { where: { limit: null } }],
    ])('reads a per-key report’s facts of %s from index entries alone', async (_what, filter) => {
      const keys = store.sqliteCollection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(300)));
      const reported = ['name', 'owner_user_id', 'org_id', 'disabled', 'revoked'] as const;
      const fields = [...reported, 'limit', 'limit_reset', 'expires_at', 'created_at'] as const;
      const query = {
        ...filter,
        where: { audience: 'org:org_a', revoked: false, ...filter.where },
        sort: [{ field: 'created_at', direction: 'asc' }],
      } as const;
      const batches = [];
      for await (const batch of keys.select(query, fields, 20)) batches.push(batch);
      expect(batches.length).toBeGreaterThan(1);
      const after = (await keys.find({ ...query, limit: 20 })).next_cursor;
      const plan = [null, after].flatMap((cursor) =>
        keys
          .selectQueries({ ...query, cursor, limit: 20 }, fields)
          .flatMap(({ sql, params }) => store.queryPlan(sql, params)),
      );
      expect(
        plan.every((step) =>
          step.startsWith('SEARCH keys USING COVERING INDEX keys__audience__revoked__created_at ('),
        ),
      ).toBe(true);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
    });

    it('merges one indexed page per audience for a caller in several', async () => {
      const keys = store.sqliteCollection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(40)));
      const audiences = { ...live, audience: { in: ['org:org_a', 'org:org_b'] } } as const;
      const page = await keys.find({ where: audiences, sort: newestFirst, limit: 3 });
      expect(page.items.map((key) => key.id)).toEqual(['k39', 'k38', 'k37']);
      const next = await keys.find({
        where: audiences,
        sort: newestFirst,
        limit: 3,
        cursor: page.next_cursor,
      });
      expect(next.items.map((key) => key.id)).toEqual(['k36', 'k35', 'k34']);
    });
  });

  describe('pages read again', () => {
    const live = { audience: 'org:org_a', revoked: false, disabled: false } as const;
    const page = {
      where: live,
      sort: [{ field: 'created_at', direction: 'desc' }],
      limit: 5,
    } as const;

    it('show what was written since, by this store or by another process on the file', async () => {
      const keys = store.collection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(20)));
      const first = await keys.find(page);
      const [newest, second] = first.items;
      await keys.write([
        { id: newest.id, position: 100, document: { ...newest, name: 'renamed' } },
      ]);
      const other = new SqliteReadStore({ file: database.file });
      try {
        await other
          .collection(KEY_DOCUMENTS)
          .write([{ id: second.id, position: 101, document: { ...second, name: 'elsewhere' } }]);
      } finally {
        await other.close();
      }
      const again = await keys.find(page);
      expect(again.items.map((key) => key.name).slice(0, 2)).toEqual(['renamed', 'elsewhere']);
      expect(again.items.slice(2)).toEqual(first.items.slice(2));
    });

    it('share documents no reader can change', async () => {
      const keys = store.collection(KEY_DOCUMENTS);
      await keys.write(foldEvents(keyProjection, new Map(), orgKeys(20)));
      const [key] = (await keys.find(page)).items;
      expect(() => Object.assign(key, { name: 'changed' })).toThrow(TypeError);
      expect(() => (key.scopes as string[]).push('more')).toThrow(TypeError);
      const [again] = (await keys.find(page)).items;
      expect([again.name, again.scopes]).toEqual([key.name, key.scopes]);
    });
  });
});
