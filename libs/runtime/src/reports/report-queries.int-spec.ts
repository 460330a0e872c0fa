import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { keysByStatePerOrg, keysPerOwner } from '@keyledger/governance';
import {
  DocumentCollection,
  KEY_DOCUMENTS,
  KeyDocument,
  keyProjection,
  MemoryReadStore,
  ReadStore,
  SqliteReadStore,
} from '@keyledger/read-models';
import { mongoTestStores } from '@keyledger/read-models/store/testing';
import { history, project } from '@keyledger/read-models/testing/history';
import { keyCreated } from '@keyledger/read-models/testing/key-events';
import { NO_USAGE } from '@keyledger/resolution';
import { KeyUsageLookup, reportedKey, reportedKeys } from './governed-keys';
import { keyStateTallies } from './key-state-tallies';

const NOW = new Date('2026-06-30T12:00:00.000Z');

/** Keys in every state, in two orgs and personal: what the store must count as `keyState` would. */
function documents(): KeyDocument[] {
  const keys = [
    ...project(
      keyProjection,
      history(
        ['key-a', keyCreated('a', { scope: 'org', org_id: 'org_1', owner_user_id: 'alice' })],
        ['key-b', keyCreated('b', { scope: 'org', org_id: 'org_1', owner_user_id: 'bob' })],
        ['key-c', keyCreated('c', { scope: 'org', org_id: 'org_1', owner_user_id: 'alice' })],
        ['key-d', keyCreated('d', { scope: 'org', org_id: 'org_2', owner_user_id: 'bob' })],
        ['key-e', keyCreated('e', { scope: 'org', org_id: 'org_2', owner_user_id: 'bob' })],
        ['key-f', keyCreated('f', { owner_user_id: 'carol' })],
        ['key-g', keyCreated('g', { owner_user_id: 'alice' })],
      ),
    ).values(),
  ];
  const change: Record<string, Partial<KeyDocument>> = {
    b: { disabled: true },
    a: { limit: 0, limit_reset: 'daily', created_at: '2026-06-01T00:00:00.000Z' },
    c: { revoked: true, expires_at: '2026-01-01T00:00:00.000Z' },
    d: { expires_at: '2026-06-30T12:00:00.000Z' },
    e: { disabled: true, expires_at: '2026-05-01T00:00:00.000Z' },
    f: { expires_at: '2027-01-01T00:00:00.000Z' },
  };
  return keys.map((key) => ({ ...key, ...change[key.id] }));
}

const openMongo = mongoTestStores();
const temporary: ReturnType<typeof temporaryDatabaseFile>[] = [];
afterAll(() => temporary.forEach((database) => database.remove()));

describe.each<[string, (() => Promise<ReadStore>) | null]>([
  ['memory', async () => new MemoryReadStore()],
  [
    'SQLite',
    async () => {
      const database = temporaryDatabaseFile();
      temporary.push(database);
      return new SqliteReadStore({ file: database.file });
    },
  ],
  ['MongoDB (MONGO_URL)', openMongo],
])('report queries of the %s read store', (_kind, open) => {
  async function withKeys(check: (keys: DocumentCollection<KeyDocument>) => Promise<void>) {
    if (!open) throw new Error('a skipped test does not run');
    const store = await open();
    try {
      const keys = store.collection(KEY_DOCUMENTS);
      await keys.write(
        documents().map((document, i) => ({ id: document.id, document, position: i + 1 })),
      );
      await check(keys);
    } finally {
      await store.close();
    }
  }

  (open ? it : it.skip)(
    'read the per-key reports’ facts narrowed in the query, as the documents hold them, oldest first',
    () =>
      withKeys(async (keys) => {
        const spent = {
          ...NO_USAGE,
          key_id: 'b',
          usage: 3,
          last_used_at: '2026-06-29T00:00:00.000Z',
          limit: { limit: null, remaining: null, reset: null, window_end: null },
        };
        const usageOf: KeyUsageLookup = (id) => (id === 'b' ? spent : null);
        const org1 = { audience: 'org:org_1' } as const;
        const read = async (only: Parameters<typeof reportedKeys>[2]) => {
          const found = [];
          for await (const batch of reportedKeys(keys, org1, only, usageOf, NOW))
            found.push(...batch);
          return found;
        };
        const byId = new Map(documents().map((document) => [document.id, document]));
        // What the whole documents give.
        const expected = (id: string) => reportedKey(byId.get(id) as KeyDocument, usageOf(id, NOW));
        expect(await read({})).toEqual(['b', 'c', 'a'].map(expected));
        expect(await read({ revoked: false })).toEqual(['b', 'a'].map(expected));
        expect(await read({ revoked: false, limited: true })).toEqual(['a'].map(expected));
        expect(await read({ revoked: false, limit: null, expires_at: null })).toEqual(
          ['b'].map(expected),
        );
      }),
  );

  (open ? it : it.skip)('count the states keyState gives, per org and per owner', () =>
    withKeys(async (keys) => {
      const everything = {
        audience: { in: ['org:org_1', 'org:org_2', 'user:carol', 'user:alice'] },
      } as const;
      expect(keysByStatePerOrg(await keyStateTallies(keys, everything, 'org_id', NOW))).toEqual([
        { org_id: 'org_1', active: 1, disabled: 1, expired: 0, revoked: 1, total: 3 },
        { org_id: 'org_2', active: 0, disabled: 0, expired: 2, revoked: 0, total: 2 },
        { org_id: null, active: 2, disabled: 0, expired: 0, revoked: 0, total: 2 },
      ]);
      const org1 = { audience: 'org:org_1' } as const;
      expect(keysPerOwner(await keyStateTallies(keys, org1, 'owner_user_id', NOW))).toEqual([
        { owner_user_id: 'alice', active: 1, disabled: 0, expired: 0, revoked: 1, total: 2 },
        { owner_user_id: 'bob', active: 0, disabled: 1, expired: 0, revoked: 0, total: 1 },
      ]);
    }),
  );
});
