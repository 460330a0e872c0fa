import { randomUUID } from 'node:crypto';
import { InvalidCursorError } from '../cursor';
import {
  CollectionSpec,
  Document,
  DocumentCollection,
  ReadStore,
  SortOrder,
} from '../read-store.port';
import { UniqueConstraintError } from '../unique-constraint-error';

/** A fresh store for one test, and how to release it. */
export interface ReadStoreFixture {
  readonly store: ReadStore;
  dispose(): Promise<void>;
}

interface Item extends Document {
  readonly owner: string;
  readonly name: string;
  readonly rank: number;
  readonly active: boolean;
  readonly due: string | null;
  readonly hash: string;
  readonly previous_hash: string | null;
  readonly tags: readonly string[];
  readonly meta: {
    readonly note: string;
    readonly weights: Readonly<Record<string, number>>;
  } | null;
}

const item = (id: string, changes: Partial<Item> = {}): Item => ({
  id,
  owner: 'u1',
  name: `Item ${id}`,
  rank: 1,
  active: true,
  due: null,
  hash: `hash-${id}`,
  previous_hash: null,
  tags: [],
  meta: null,
  ...changes,
});

const itemSpec = (): CollectionSpec<Item> => ({
  name: `items_${randomUUID().slice(0, 8)}`,
  indexes: [
    { fields: ['hash'], unique: true },
    { fields: ['previous_hash'] },
    { fields: ['owner', 'rank'] },
  ],
  searchable: ['name'],
  booleans: ['active'],
});

/** Writes each document as if by consecutive events, starting at position 1. */
const seed = (items: DocumentCollection<Item>, documents: readonly Item[]): Promise<void> =>
  items.write(documents.map((document, i) => ({ id: document.id, document, position: i + 1 })));

const ids = (documents: readonly Document[]): string[] => documents.map((document) => document.id);

/** Every page of a query, followed through its cursors. */
async function allPages(
  items: DocumentCollection<Item>,
  sort: SortOrder<Item>,
  limit: number,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await items.find({ sort, limit, cursor });
    seen.push(...ids(page.items));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return seen;
}

/**
 * The behaviour every ReadStore must have. With no way to `open` a store (its server is not
 * configured), the same tests are registered skipped: reported as skipped, never as passed.
 */
export function describeReadStoreContract(
  name: string,
  open: (() => Promise<ReadStoreFixture>) | null,
): void {
  (open ? describe : describe.skip)(`ReadStore contract: ${name}`, () => {
    let fixture: ReadStoreFixture;
    let items: DocumentCollection<Item>;

    beforeEach(async () => {
      if (!open) throw new Error('a skipped suite does not run');
      fixture = await open();
      items = fixture.store.collection(itemSpec());
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    describe('writes', () => {
      it('stores a document, nested values included, with the position of the event that wrote it', async () => {
        const document = item('a', {
          tags: ['x', 'y'],
          meta: { note: 'n', weights: { fast: 0.75 } },
        });
        await items.write([{ id: 'a', document, position: 3 }]);
        expect(await items.get('a')).toEqual(document);
        expect(await items.getPositioned(['a'])).toEqual(
          new Map([['a', { document, position: 3 }]]),
        );
      });

      it('returns only the documents that exist', async () => {
        await seed(items, [item('a'), item('b'), item('c')]);
        expect([...(await items.getMany(['c', 'a', 'zz'])).keys()].sort()).toEqual(['a', 'c']);
        expect(await items.get('zz')).toBeNull();
      });

      it('ignores a write that is not newer than the stored document (redelivery)', async () => {
        await items.write([{ id: 'a', document: item('a', { rank: 5 }), position: 10 }]);
        await items.write([
          { id: 'a', document: item('a', { rank: 1 }), position: 9 },
          { id: 'a', document: item('a', { rank: 2 }), position: 10 },
        ]);
        expect(await items.getPositioned(['a'])).toEqual(
          new Map([['a', { document: item('a', { rank: 5 }), position: 10 }]]),
        );
      });

      it('keeps the newest of several writes to one document in a batch, in any order', async () => {
        await items.write([
          { id: 'a', document: item('a', { rank: 3 }), position: 3 },
          { id: 'a', document: item('a', { rank: 2 }), position: 2 },
        ]);
        expect((await items.get('a'))?.rank).toBe(3);
      });

      it('deletes a document with a null write, and a newer write brings it back', async () => {
        await seed(items, [item('a')]);
        await items.write([{ id: 'a', document: null, position: 2 }]);
        expect(await items.get('a')).toBeNull();
        expect(await items.count()).toBe(0);
        await items.write([{ id: 'a', document: item('a', { rank: 9 }), position: 3 }]);
        expect((await items.get('a'))?.rank).toBe(9);
      });

      it('ignores a delete older than the stored document', async () => {
        await items.write([{ id: 'a', document: item('a'), position: 5 }]);
        await items.write([{ id: 'a', document: null, position: 4 }]);
        expect(await items.get('a')).toEqual(item('a'));
      });
    });

    describe('unique fields', () => {
      it('finds a document by a unique field or by another indexed field', async () => {
        await seed(items, [item('a'), item('b', { previous_hash: 'old-b' })]);
        expect(await items.findOne({ hash: 'hash-a' })).toEqual(item('a'));
        expect((await items.findOne({ previous_hash: 'old-b' }))?.id).toBe('b');
        expect(await items.findOne({ hash: 'nope' })).toBeNull();
      });

      it('refuses a second document with the same unique value, and applies the rest of the batch', async () => {
        await seed(items, [item('a')]);
        const batch = items.write([
          { id: 'b', document: item('b', { hash: 'hash-a' }), position: 2 },
          { id: 'c', document: item('c'), position: 3 },
        ]);
        await expect(batch).rejects.toEqual(
          expect.objectContaining({ name: 'UniqueConstraintError', document_id: 'b' }),
        );
        await expect(batch).rejects.toBeInstanceOf(UniqueConstraintError);
        expect(ids([...(await items.getMany(['a', 'b', 'c'])).values()]).sort()).toEqual([
          'a',
          'c',
        ]);
        expect(await items.findOne({ hash: 'hash-a' })).toEqual(item('a'));
      });

      it('lets a document keep its value, and frees a value it gives up', async () => {
        await seed(items, [item('a')]);
        await items.write([{ id: 'a', document: item('a', { rank: 2 }), position: 2 }]);
        await items.write([
          {
            id: 'a',
            document: item('a', { hash: 'rotated', previous_hash: 'hash-a' }),
            position: 3,
          },
        ]);
        await items.write([{ id: 'b', document: item('b', { hash: 'hash-a' }), position: 4 }]);
        expect((await items.findOne({ hash: 'hash-a' }))?.id).toBe('b');
        expect((await items.findOne({ hash: 'rotated' }))?.id).toBe('a');
      });

      it('ignores a stale write even when its value is taken', async () => {
        await items.write([
          { id: 'a', document: item('a'), position: 5 },
          { id: 'b', document: item('b'), position: 6 },
        ]);
        await items.write([{ id: 'b', document: item('b', { hash: 'hash-a' }), position: 2 }]);
        expect(await items.get('b')).toEqual(item('b'));
      });
    });

    describe('queries', () => {
      const documents = [
        item('d', { rank: 2, due: '2026-03-01', name: 'Staging gateway' }),
        item('a', { rank: 1, due: null, name: 'Prod (EU)' }),
        item('c', { rank: 2, due: '2026-01-01', name: 'prod (us)' }),
        item('b', { rank: 3, owner: 'u2', due: '2026-01-01', name: 'Batch jobs' }),
        item('e', { rank: 1, due: null, name: 'Eval [nightly]', active: false }),
      ];

      beforeEach(async () => {
        await seed(items, documents);
      });

      it('filters by equality and membership, and counts the same way', async () => {
        const page = await items.find({
          where: { owner: 'u1', rank: { in: [1, 3] } },
          sort: [{ field: 'id', direction: 'asc' }],
          limit: 10,
        });
        expect(ids(page.items)).toEqual(['a', 'e']);
        expect(await items.count({ where: { owner: 'u1', rank: { in: [1, 3] } } })).toBe(2);
        expect(await items.count({ where: { due: null } })).toBe(2);
        expect(await items.count()).toBe(5);
      });

      it('selects values at most a bound, of the bound’s type only, never null', async () => {
        const upTo = (value: string | number) =>
          items.find({
            atMost: { field: typeof value === 'number' ? 'rank' : 'due', value },
            sort: [{ field: 'id', direction: 'asc' }],
            limit: 10,
          });
        expect(ids((await upTo('2026-01-01')).items)).toEqual(['b', 'c']);
        expect(ids((await upTo('2026-12-31')).items)).toEqual(['b', 'c', 'd']);
        expect(ids((await upTo(1)).items)).toEqual(['a', 'e']);
        expect(
          await items.count({ where: { owner: 'u1' }, atMost: { field: 'rank', value: 2 } }),
        ).toBe(4);
      });

      it('counts the matches per combination of values in the store, null included', async () => {
        const byOwnerAndDue = await items.countGroups({ where: { owner: { in: ['u1', 'u2'] } } }, [
          'owner',
          'due',
        ]);
        const sorted = [...byOwnerAndDue].sort((x, y) =>
          JSON.stringify(x.values).localeCompare(JSON.stringify(y.values)),
        );
        expect(sorted).toEqual([
          { values: ['u1', '2026-01-01'], count: 1 },
          { values: ['u1', '2026-03-01'], count: 1 },
          { values: ['u1', null], count: 2 },
          { values: ['u2', '2026-01-01'], count: 1 },
        ]);
        const early = await items.countGroups({ atMost: { field: 'due', value: '2026-02-01' } }, [
          'rank',
        ]);
        expect(early.sort((x, y) => Number(x.values[0]) - Number(y.values[0]))).toEqual([
          { values: [2], count: 1 },
          { values: [3], count: 1 },
        ]);
      });

      it('selects the id and a few fields of every match, in order and in batches, values as written', async () => {
        const selected = async <F extends 'name' | 'due' | 'active' | 'rank'>(
          query: Parameters<DocumentCollection<Item>['select']>[0],
          fields: readonly F[],
        ) => {
          const batches: (readonly object[])[] = [];
          for await (const batch of items.select(query, fields, 2)) batches.push(batch);
          expect(batches.every((batch) => batch.length > 0 && batch.length <= 2)).toBe(true);
          return batches.flat();
        };
        expect(
          await selected({ where: { owner: 'u1' }, sort: [{ field: 'due', direction: 'asc' }] }, [
            'name',
            'due',
            'active',
          ]),
        ).toEqual([
          { id: 'a', name: 'Prod (EU)', due: null, active: true },
          { id: 'e', name: 'Eval [nightly]', due: null, active: false },
          { id: 'c', name: 'prod (us)', due: '2026-01-01', active: true },
          { id: 'd', name: 'Staging gateway', due: '2026-03-01', active: true },
        ]);
        // A membership on an index's leading field, and alternatives: read apart, merged in order.
        expect(
          await selected(
            {
              where: { owner: { in: ['u2', 'u1'] } },
              anyOf: [{ rank: 1 }, { rank: 3 }, { active: false }],
              sort: [{ field: 'rank', direction: 'desc' }],
            },
            ['rank'],
          ),
        ).toEqual([
          { id: 'b', rank: 3 },
          { id: 'e', rank: 1 },
          { id: 'a', rank: 1 },
        ]);
        expect(
          await selected(
            {
              atMost: { field: 'due', value: '2026-02-01' },
              contains: { field: 'name', text: 'PROD' },
              sort: [{ field: 'id', direction: 'asc' }],
            },
            ['active'],
          ),
        ).toEqual([{ id: 'c', active: true }]);
        expect(
          await selected(
            { where: { owner: 'nobody' }, sort: [{ field: 'id', direction: 'asc' }] },
            ['name'],
          ),
        ).toEqual([]);
      });

      it('searches a field case-insensitively, taking the text literally', async () => {
        const search = (text: string) =>
          items.find({
            contains: { field: 'name', text },
            sort: [{ field: 'id', direction: 'asc' }],
            limit: 10,
          });
        expect(ids((await search('PROD (')).items)).toEqual(['a', 'c']);
        expect(ids((await search('[nightly]')).items)).toEqual(['e']);
        expect(ids((await search('.*')).items)).toEqual([]);
        expect(await items.count({ contains: { field: 'name', text: 'prod' } })).toBe(2);
      });

      it('sorts by two keys, nulls first when ascending, the id breaking ties', async () => {
        const page = await items.find({
          sort: [
            { field: 'due', direction: 'asc' },
            { field: 'rank', direction: 'desc' },
          ],
          limit: 10,
        });
        expect(ids(page.items)).toEqual(['e', 'a', 'b', 'c', 'd']);
        expect(page.next_cursor).toBeNull();
        const descending = await items.find({
          sort: [{ field: 'due', direction: 'desc' }],
          limit: 10,
        });
        expect(ids(descending.items)).toEqual(['d', 'c', 'b', 'e', 'a']);
      });

      it.each<[string, SortOrder<Item>]>([
        ['rank ascending', [{ field: 'rank', direction: 'asc' }]],
        ['rank descending', [{ field: 'rank', direction: 'desc' }]],
        ['nullable due ascending', [{ field: 'due', direction: 'asc' }]],
        ['nullable due descending', [{ field: 'due', direction: 'desc' }]],
        [
          'due descending then rank ascending',
          [
            { field: 'due', direction: 'desc' },
            { field: 'rank', direction: 'asc' },
          ],
        ],
        [
          'owner then name',
          [
            { field: 'owner', direction: 'asc' },
            { field: 'name', direction: 'asc' },
          ],
        ],
      ])('pages by %s without gaps or repeats', async (_order, sort) => {
        const whole = ids((await items.find({ sort, limit: 100 })).items);
        expect(whole).toHaveLength(documents.length);
        for (const limit of [1, 2, 3]) expect(await allPages(items, sort, limit)).toEqual(whole);
      });

      it('pages a filtered query', async () => {
        const query = {
          where: { owner: 'u1' },
          sort: [{ field: 'rank', direction: 'asc' }],
          limit: 2,
        } as const;
        const first = await items.find(query);
        const second = await items.find({ ...query, cursor: first.next_cursor });
        expect([ids(first.items), ids(second.items)]).toEqual([
          ['a', 'e'],
          ['c', 'd'],
        ]);
        expect(second.next_cursor).toBeNull();
      });

      it('pages a membership on an indexed field in one order across its values', async () => {
        const query = {
          where: { owner: { in: ['u2', 'u1'] }, due: { in: ['2026-01-01', '2026-03-01'] } },
          sort: [{ field: 'rank', direction: 'desc' }],
        } as const;
        const pages: string[][] = [];
        let cursor: string | null = null;
        do {
          const page = await items.find({ ...query, limit: 1, cursor });
          pages.push(ids(page.items));
          cursor = page.next_cursor;
        } while (cursor !== null);
        expect(pages).toEqual([['b'], ['d'], ['c']]);
        expect(await items.count({ where: query.where })).toBe(3);
        expect(await items.count({ where: { owner: { in: [] } } })).toBe(0);
      });

      it('selects documents meeting any of several alternatives as well as the conditions', async () => {
        const filter = {
          where: { due: { in: ['2026-01-01', '2026-03-01', null] } },
          anyOf: [{ owner: 'u2' }, { owner: 'u1', rank: 2 }, { rank: 2 }],
        } as const;
        const sort = [{ field: 'rank', direction: 'asc' }] as const;
        const first = await items.find({ ...filter, sort, limit: 2 });
        const rest = await items.find({ ...filter, sort, limit: 2, cursor: first.next_cursor });
        expect([ids(first.items), ids(rest.items)]).toEqual([['c', 'd'], ['b']]);
        expect(await items.count(filter)).toBe(3);
        expect(await items.count({ anyOf: [] })).toBe(0);
      });

      it('refuses a cursor it did not make', async () => {
        const sort: SortOrder<Item> = [{ field: 'rank', direction: 'asc' }];
        await expect(items.find({ sort, limit: 1, cursor: 'garbage!' })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
      });

      it('finds the first match in id order', async () => {
        expect((await items.findOne({ owner: 'u1', rank: 2 }))?.id).toBe('c');
      });
    });

    describe('scan', () => {
      /** Every batch a scan yields, running `between` after the first one. */
      async function scanned(batchSize: number, between: () => Promise<void> = async () => {}) {
        const batches: Item[][] = [];
        for await (const batch of items.scan(batchSize)) {
          batches.push([...batch]);
          if (batches.length === 1) await between();
        }
        return batches;
      }

      it('reads every document once, whole, in batches of at most the size asked', async () => {
        const documents = ['e', 'a', 'd', 'b', 'c'].map((id) =>
          item(id, { tags: ['x', 'y'], meta: { note: id, weights: { w: 1 } } }),
        );
        await seed(items, documents);
        const batches = await scanned(2);
        expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
        const read = batches.flat().sort((a, b) => a.id.localeCompare(b.id));
        expect(read).toEqual([...documents].sort((a, b) => a.id.localeCompare(b.id)));
      });

      it('reads nothing from an empty collection', async () => {
        expect(await scanned(10)).toEqual([]);
      });

      it('still reads once each document present throughout while others are written', async () => {
        await seed(
          items,
          ['a', 'b', 'c', 'd'].map((id) => item(id)),
        );
        const batches = await scanned(1, async () => {
          await items.write([
            { id: 'c', document: item('c', { rank: 9 }), position: 10 },
            { id: 'z', document: item('z'), position: 11 },
          ]);
        });
        const read = ids(batches.flat());
        for (const id of ['a', 'b', 'c', 'd'])
          expect(read.filter((seen) => seen === id)).toEqual([id]);
      });
    });

    it('drops every document and keeps enforcing unique fields afterwards', async () => {
      await seed(items, [item('a'), item('b')]);
      await items.drop();
      expect(await items.count()).toBe(0);
      await seed(items, [item('a')]);
      await expect(
        items.write([{ id: 'b', document: item('b', { hash: 'hash-a' }), position: 2 }]),
      ).rejects.toBeInstanceOf(UniqueConstraintError);
    });

    it('keeps collections apart', async () => {
      const other = fixture.store.collection(itemSpec());
      await seed(items, [item('a')]);
      expect(await other.get('a')).toBeNull();
      await seed(other, [item('a')]);
    });

    it('keeps a checkpoint per projection, 0 until set', async () => {
      const [first, second] = [`p-${randomUUID()}`, `p-${randomUUID()}`];
      expect(await fixture.store.getCheckpoint(first)).toBe(0);
      await fixture.store.setCheckpoint(first, 42);
      await fixture.store.setCheckpoint(second, 7);
      expect(await fixture.store.getCheckpoint(first)).toBe(42);
      await fixture.store.setCheckpoint(first, 0);
      expect([
        await fixture.store.getCheckpoint(first),
        await fixture.store.getCheckpoint(second),
      ]).toEqual([0, 7]);
    });
  });
}
