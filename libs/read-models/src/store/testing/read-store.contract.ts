import { randomUUID } from 'node:crypto';
import { InvalidCursorError } from '../cursor';
import { Document, ReadStore } from '../read-store.port';

interface Item extends Document {
  readonly owner: string;
  readonly name: string;
  readonly rank: number;
  readonly hash: string | null;
}

const item = (id: string, overrides: Partial<Item> = {}): Item => ({ id, owner: 'a', name: `Key ${id}`, rank: 1, hash: `h-${id}`, ...overrides });

/** The behaviour every ReadStore must have. */
export function describeReadStoreContract(name: string, open: () => Promise<{ store: ReadStore; cleanup: () => Promise<void> }>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    const items = () => store.collection<Item>(`items_${randomUUID().slice(0, 8)}`, [{ fields: ['hash'], unique: true }, { fields: ['owner', 'rank'] }]);

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('writes, reads back with the position, and deletes', async () => {
      const c = items();
      await c.write([{ id: 'x', document: item('x'), position: 3 }]);
      expect(await c.get('x')).toEqual({ document: item('x'), position: 3 });
      await c.write([{ id: 'x', document: null, position: 4 }]);
      expect(await c.get('x')).toBeNull();
    });

    it('ignores writes not newer than the document (idempotent redelivery)', async () => {
      const c = items();
      await c.write([{ id: 'x', document: item('x', { rank: 5 }), position: 10 }]);
      await c.write([
        { id: 'x', document: item('x', { rank: 1 }), position: 9 },
        { id: 'x', document: item('x', { rank: 2 }), position: 10 },
      ]);
      expect(await c.get('x')).toEqual({ document: item('x', { rank: 5 }), position: 10 });
    });

    it('applies several writes of one batch to one document in order', async () => {
      const c = items();
      await c.write([
        { id: 'x', document: item('x', { rank: 1 }), position: 1 },
        { id: 'x', document: item('x', { rank: 2 }), position: 2 },
      ]);
      expect((await c.get('x'))?.document.rank).toBe(2);
    });

    it('finds by a unique field and refuses duplicates', async () => {
      const c = items();
      await c.write([{ id: 'x', document: item('x'), position: 1 }]);
      expect(await c.findOne('hash', 'h-x')).toEqual(item('x'));
      expect(await c.findOne('hash', 'nope')).toBeNull();
      await expect(c.write([{ id: 'y', document: item('y', { hash: 'h-x' }), position: 2 }])).rejects.toThrow();
    });

    it('gets many by id', async () => {
      const c = items();
      await c.write(['a', 'b', 'c'].map((id, i) => ({ id, document: item(id), position: i + 1 })));
      expect([...(await c.getMany(['a', 'c', 'zz'])).keys()].sort()).toEqual(['a', 'c']);
    });

    it('filters, sorts with a stable tie-breaker and pages with cursors', async () => {
      const c = items();
      const docs = [
        item('d', { rank: 2 }),
        item('a', { rank: 1 }),
        item('c', { rank: 2 }),
        item('b', { rank: 3, owner: 'b' }),
        item('e', { rank: 1 }),
      ];
      await c.write(docs.map((document, i) => ({ id: document.id, document, position: i + 1 })));
      const query = { where: { owner: { in: ['a'] } }, sort: { field: 'rank', direction: 'asc' as const }, limit: 2 };
      const first = await c.find(query);
      const second = await c.find({ ...query, cursor: first.next_cursor });
      expect([first, second].map((page) => page.items.map((d) => d.id))).toEqual([['a', 'e'], ['c', 'd']]);
      expect(second.next_cursor).toBeNull();
      const descending = await c.find({ sort: { field: 'rank', direction: 'desc' }, limit: 10 });
      expect(descending.items.map((d) => d.id)).toEqual(['b', 'd', 'c', 'e', 'a']);
      expect(await c.count({ owner: 'a' })).toBe(4);
    });

    it('searches a field case-insensitively, treating the text literally', async () => {
      const c = items();
      await c.write([
        { id: 'x', document: item('x', { name: 'Prod (EU)' }), position: 1 },
        { id: 'y', document: item('y', { name: 'staging' }), position: 2 },
      ]);
      const page = await c.find({ contains: { field: 'name', text: 'prod (eu' }, sort: { field: 'name', direction: 'asc' }, limit: 10 });
      expect(page.items.map((d) => d.id)).toEqual(['x']);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(items().find({ sort: { field: 'rank', direction: 'asc' }, limit: 1, cursor: 'garbage!' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('scans every document and drops them all', async () => {
      const c = items();
      await c.write(['b', 'a'].map((id, i) => ({ id, document: item(id), position: i + 1 })));
      const scanned: string[] = [];
      for await (const document of c.scan()) scanned.push(document.id);
      expect(scanned).toEqual(['a', 'b']);
      await c.drop();
      expect(await c.count()).toBe(0);
    });

    it('keeps checkpoints per projection', async () => {
      const projection = `p-${randomUUID()}`;
      expect(await store.getCheckpoint(projection)).toBe(0);
      await store.setCheckpoint(projection, 42);
      expect(await store.getCheckpoint(projection)).toBe(42);
    });
  });
}
