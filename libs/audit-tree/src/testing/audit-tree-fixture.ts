import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@keyledger/event-store';
import { testMetadata } from '@keyledger/event-store/testing';
import { AuditTree, TreeHeadPolicy } from '../audit-tree';
import { AUDIT_TREE_FILE, SqliteAuditTreeStore } from '../sqlite-audit-tree-store';
import { TreeHeadSigner } from '../tree-head-signer';

/** A fresh signing key, as an operator's AUDIT_SIGNING_KEY_FILE would hold. */
export const freshSigner = (): TreeHeadSigner =>
  new TreeHeadSigner(generateKeyPairSync('ed25519').privateKey);

/** A tree file in a temporary folder, and how to open trees on it. */
export function temporaryTree() {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-tree-'));
  const file = join(dir, AUDIT_TREE_FILE);
  return {
    file,
    open: (
      events: EventStore,
      signer: TreeHeadSigner,
      heads: TreeHeadPolicy = { every: 1_000, intervalMs: 60_000 },
    ): AuditTree => new AuditTree(events, new SqliteAuditTreeStore(file), signer, { heads }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Appends `count` events spread over a few key streams; returns the streams written. */
export async function appendHistory(events: EventStore, count: number, tag: string) {
  const revisions = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const stream = `key-${tag}-${i % 3}`;
    const previous = revisions.get(stream);
    await events.append(
      stream,
      [{ type: 'KeyRenamed', data: { key_id: `${tag}-${i % 3}`, name: `name ${i}`, cost: i / 7 } }],
      { expectedRevision: previous ?? 'no_stream', metadata: testMetadata() },
    );
    revisions.set(stream, (previous ?? -1) + 1);
  }
}
