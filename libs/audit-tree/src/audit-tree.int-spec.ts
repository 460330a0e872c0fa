import { verifyConsistency, verifyInclusion, verifyTreeHead } from '@keyledger/client';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { auditLeafOf, leafDataOf } from './audit-leaf';
import { appendHistory, freshSigner, temporaryTree } from './testing/audit-tree-fixture';
import { ReferenceTree } from './testing/rfc9162-reference';

/** More than two of the tree's catch-up pages. */
const HISTORY = 2_500;

describe('AuditTree on the SQLite event store', () => {
  const db = temporaryDatabaseFile();
  const treeFile = temporaryTree();
  let events: SqliteEventStore;
  afterAll(async () => {
    await events.close();
    db.remove();
    treeFile.remove();
  });

  it('makes every event a leaf, heads every N, and proofs that the offline verifier accepts', async () => {
    events = new SqliteEventStore({ file: db.file });
    await appendHistory(events, 23, 'a');
    const signer = freshSigner();
    const tree = treeFile.open(events, signer, { every: 5, intervalMs: 60_000 });
    await tree.catchUp();
    const stored = await events.readAll();
    const reference = new ReferenceTree(stored.map(leafDataOf));
    expect(tree.store.size).toBe(23);
    expect(tree.rootAt(23)).toBe(reference.mth(0, 23).toString('hex'));
    // A head at least every five leaves, even when history is caught up in one go.
    expect(tree.store.heads().map((head) => head.tree_size)).toEqual([5, 10, 15, 20]);
    const head = tree.currentHead();
    expect(head.tree_size).toBe(23);
    expect(await verifyTreeHead(head, signer.publicKey)).toBe(true);
    for (const [index, event] of stored.entries()) {
      const leaf = (await tree.leafOf(event.id))!;
      expect(leaf.leaf_index).toBe(index);
      const proof = {
        leaf_index: index,
        tree_size: 23,
        leaf: auditLeafOf(event),
        audit_path: tree.inclusionPath(index, 23),
      };
      expect(await verifyInclusion(auditLeafOf(event), proof, head)).toBe(true);
      expect(await verifyInclusion({ ...auditLeafOf(event), revision: 99 }, proof, head)).toBe(
        false,
      );
    }
    for (const old of tree.store.heads()) {
      const proof = {
        first: old.tree_size,
        second: 23,
        proof: tree.consistencyProof(old.tree_size, 23),
      };
      expect(await verifyConsistency(old, head, proof)).toBe(true);
    }
  });

  it('follows new events live, and after a restart goes on from its stored frontier', async () => {
    const signer = freshSigner();
    const tree = treeFile.open(events, signer, { every: 1_000, intervalMs: 20 });
    tree.start();
    await appendHistory(events, 7, 'b');
    await waitFor(() => tree.store.latestHead()?.tree_size === 30);
    await tree.stop();
    tree.store.close();

    await appendHistory(events, 4, 'c');
    const reopened = treeFile.open(events, signer);
    expect(reopened.store.size).toBe(30);
    await reopened.catchUp();
    const all = await events.readAll({ maxCount: 100 });
    expect(reopened.rootAt(34)).toBe(
      new ReferenceTree(all.map(leafDataOf)).mth(0, 34).toString('hex'),
    );
    // Both keys stay listed: the heads of the first one still verify after a rotation.
    expect(reopened.store.publicKeys().map((key) => key.key_id)).toContain(signer.publicKey.key_id);
    expect(reopened.store.publicKeys()).toHaveLength(2);
    reopened.store.close();
  });
});

describe('AuditTree catching up a history of several pages', () => {
  const db = temporaryDatabaseFile();
  const signer = freshSigner();
  let events: SqliteEventStore;
  let treeFile: ReturnType<typeof temporaryTree>;
  beforeAll(async () => {
    events = new SqliteEventStore({ file: db.file });
    await appendHistory(events, HISTORY, 'p');
  });
  beforeEach(() => (treeFile = temporaryTree()));
  afterEach(() => treeFile.remove());
  afterAll(async () => {
    await events.close();
    db.remove();
  });

  const expectedRoot = async () =>
    new ReferenceTree((await events.readAll({ maxCount: HISTORY })).map(leafDataOf))
      .mth(0, HISTORY)
      .toString('hex');

  it('lets the event loop turn while it catches up page by page', async () => {
    const tree = treeFile.open(events, signer);
    let turned = false;
    setImmediate(() => (turned = true));
    await tree.catchUp();
    expect([tree.rootAt(HISTORY), turned]).toEqual([await expectedRoot(), true]);
    tree.store.close();
  });

  it('stops while it is still catching up, and a restart goes on from where it stopped', async () => {
    const tree = treeFile.open(events, signer);
    tree.start();
    // Stopped before the first page is in: the catch-up ends at its next page, and no
    // subscription starts after the stop (one would follow the store forever).
    await tree.stop();
    const stoppedAt = tree.store.size;
    tree.store.close();
    const reopened = treeFile.open(events, signer);
    await reopened.catchUp();
    expect([stoppedAt < HISTORY, reopened.rootAt(HISTORY)]).toEqual([true, await expectedRoot()]);
    reopened.store.close();
  });

  it('shares a catch-up under way with a caller that asks meanwhile', async () => {
    const tree = treeFile.open(events, signer);
    const first = tree.catchUp();
    expect(tree.catchUp()).toBe(first);
    await first;
    expect(tree.rootAt(HISTORY)).toBe(await expectedRoot());
    tree.store.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
