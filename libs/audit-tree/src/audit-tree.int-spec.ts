import { verifyConsistency, verifyInclusion, verifyTreeHead } from '@keyledger/client';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { auditLeafOf, leafDataOf } from './audit-leaf';
import { appendHistory, freshSigner, temporaryTree } from './testing/audit-tree-fixture';
import { ReferenceTree } from './testing/rfc9162-reference';

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

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
