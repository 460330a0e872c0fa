import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { TreeHead } from '@keyledger/client';
import {
  EsdbEventStore,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  SqliteEventStore,
} from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { verifyAuditLog } from './audit-log-verification';
import { SqliteAuditTreeStore } from './sqlite-audit-tree-store';
import { appendHistory, freshSigner, temporaryTree } from './testing/audit-tree-fixture';

/** How a store's history is tampered with, leaf by leaf (0-based, in global order). */
interface Tampering {
  edit(leaf: number): void;
  remove(leaf: number): void;
  swap(leaf: number): void;
  insert(leaf: number): void;
  /** Removes the last `count` events. */
  cut(count: number): void;
  /** The store as the verifier reads it, after tampering. */
  readonly events: EventStore;
}

interface StoreUnderTest {
  readonly events: EventStore;
  tamper(): Tampering;
  close(): Promise<void>;
}

const HISTORY = 12;

function describeTamperEvidence(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`verify on ${name}`, () => {
    let store: StoreUnderTest;
    let tree: ReturnType<typeof temporaryTree>;
    let kept: TreeHead;
    let size: number;
    const signer = freshSigner();

    beforeEach(async () => {
      store = await open();
      await appendHistory(store.events, HISTORY, `t${Date.now()}`);
      tree = temporaryTree();
      const audit = tree.open(store.events, signer, { every: 4, intervalMs: 60_000 });
      await audit.catchUp();
      kept = audit.currentHead();
      size = kept.tree_size;
      audit.store.close();
    });
    afterEach(async () => {
      await store.close();
      tree.remove();
    });

    const verify = async (
      tampered: EventStore,
      options: { keptHead?: TreeHead; withTree?: boolean } = {},
    ) => {
      const stored =
        options.withTree === false ? null : new SqliteAuditTreeStore(tree.file, { readonly: true });
      try {
        // Without the tree's record of its keys, the auditor brings the public key.
        const publicKeys = stored === null ? [signer.publicKey] : undefined;
        return await verifyAuditLog(tampered, {
          tree: stored,
          keptHead: options.keptHead,
          publicKeys,
        });
      } finally {
        stored?.close();
      }
    };

    it('passes an untouched log, its stored heads and a kept head', async () => {
      expect(await verify(store.events, { keptHead: kept })).toMatchObject({
        ok: true,
        checked: size,
        root_hash: kept.root_hash,
      });
    });

    it('names an edited event', async () => {
      const tampering = store.tamper();
      tampering.edit(size - 5);
      expect(await verify(tampering.events)).toMatchObject({
        ok: false,
        problem: { kind: 'altered', leaf_index: size - 5 },
      });
    });

    it('names a deleted event', async () => {
      const tampering = store.tamper();
      tampering.remove(size - 5);
      expect(await verify(tampering.events)).toMatchObject({
        ok: false,
        problem: { kind: 'removed', leaf_index: size - 5 },
      });
    });

    it('names two events swapped in order', async () => {
      const tampering = store.tamper();
      tampering.swap(size - 5);
      expect(await verify(tampering.events)).toMatchObject({
        ok: false,
        problem: { kind: 'reordered', leaf_index: size - 5 },
      });
    });

    it('names an inserted event', async () => {
      const tampering = store.tamper();
      tampering.insert(size - 5);
      expect(await verify(tampering.events)).toMatchObject({
        ok: false,
        problem: { kind: 'inserted', leaf_index: size - 5 },
      });
    });

    it('catches a truncated tail against a kept head, even with the tree and its heads gone', async () => {
      const tampering = store.tamper();
      tampering.cut(3);
      expect(await verify(tampering.events, { keptHead: kept, withTree: false })).toMatchObject({
        ok: false,
        problem: { kind: 'truncated', leaf_index: size - 3 },
      });
      // With the tree still there, the missing tail is named by the tree alone.
      expect(await verify(tampering.events)).toMatchObject({
        ok: false,
        problem: { kind: 'removed', leaf_index: size - 3 },
      });
    });

    it('catches a rewritten log against a kept head, when the tree was rebuilt to match', async () => {
      const tampering = store.tamper();
      tampering.edit(size - 5);
      rmSync(tree.file, { force: true });
      const rebuilt = tree.open(tampering.events, freshSigner());
      await rebuilt.catchUp();
      rebuilt.currentHead();
      rebuilt.store.close();
      // The rewritten tree agrees with itself; the head the auditor kept does not.
      expect(await verify(tampering.events)).toMatchObject({ ok: true });
      expect(await verify(tampering.events, { keptHead: kept })).toMatchObject({
        ok: false,
        problem: { kind: 'forged_head' },
      });
      expect(
        await verifyAuditLog(tampering.events, {
          tree: null,
          keptHead: kept,
          publicKeys: [signer.publicKey],
        }),
      ).toMatchObject({ ok: false, problem: { kind: 'altered', leaf_index: 0 } });
    });
  });
}

/** SQLite: the file itself is edited, as someone with write access to DATA_DIR could. */
describeTamperEvidence('SQLite', async () => {
  const db = temporaryDatabaseFile();
  const events = new SqliteEventStore({ file: db.file });
  const position = (file: Database.Database, leaf: number): number =>
    file
      .prepare<[number], { position: number }>(
        'SELECT position FROM events ORDER BY position LIMIT 1 OFFSET ?',
      )
      .get(leaf)!.position;
  return {
    events,
    tamper: () => {
      const file = new Database(db.file);
      const columns = 'id, stream, revision, type, data, metadata, recorded_at';
      return {
        events,
        edit: (leaf) => {
          file
            .prepare(`UPDATE events SET data = json_set(data, '$.name', 'evil') WHERE position = ?`)
            .run(position(file, leaf));
        },
        remove: (leaf) => {
          file.prepare('DELETE FROM events WHERE position = ?').run(position(file, leaf));
        },
        swap: (leaf) => {
          const [a, b] = [position(file, leaf), position(file, leaf + 1)];
          file.transaction(() => {
            file.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
            file.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
            file.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
          })();
        },
        insert: (leaf) => {
          const at = position(file, leaf);
          file.transaction(() => {
            file.prepare('UPDATE events SET position = -position WHERE position >= ?').run(at);
            file.prepare('UPDATE events SET position = 1 - position WHERE position < 0').run();
            file
              .prepare(
                `INSERT INTO events (position, ${columns}) SELECT ?, 'forged', stream, 1000, type, data, metadata, recorded_at FROM events WHERE position = ?`,
              )
              .run(at, at + 1);
          })();
        },
        cut: (count) => {
          file
            .prepare(
              'DELETE FROM events WHERE position IN (SELECT position FROM events ORDER BY position DESC LIMIT ?)',
            )
            .run(count);
        },
      };
    },
    close: async () => {
      await events.close();
      db.remove();
    },
  };
});

const url = process.env.EVENTSTORE_URL ?? '';
if (!url) {
  process.stderr.write(
    '\n[audit tree tamper evidence on EventStoreDB] SKIPPED: EVENTSTORE_URL is not set. ' +
      "Run: docker compose up -d eventstore && EVENTSTORE_URL='esdb://localhost:2113?tls=false' npx jest libs/audit-tree\n",
  );
}

/**
 * EventStoreDB cannot edit or reorder its log in place (it is append-only; scavenging drops
 * whole streams), so its run reads the real server's log through the edits an attacker with
 * the disks would make: the verifier and the tree are the same code on either store.
 */
class TamperedReading implements Tampering {
  private readonly edits: ((events: RecordedEvent[]) => RecordedEvent[])[] = [];
  readonly events: EventStore;

  constructor(real: EventStore) {
    const all = async (): Promise<RecordedEvent[]> => {
      const out: RecordedEvent[] = [];
      for (let page = await real.readAll({ maxCount: 1000 }); page.length > 0;) {
        out.push(...page);
        page = await real.readAll({ fromPosition: page[page.length - 1].position, maxCount: 1000 });
      }
      return this.edits.reduce((events, edit) => edit(events), out);
    };
    this.events = Object.assign(Object.create(real) as EventStore, {
      readAll: async (options: ReadAllOptions = {}) =>
        (await all())
          .filter((event) => event.position > (options.fromPosition ?? 0))
          .slice(0, options.maxCount ?? 1000),
    });
  }

  private at(change: (events: RecordedEvent[]) => void): void {
    this.edits.push((events) => {
      const copy = [...events];
      change(copy);
      return copy;
    });
  }

  edit(leaf: number): void {
    this.at((events) => {
      events[leaf] = { ...events[leaf], data: { ...events[leaf].data, name: 'evil' } };
    });
  }
  remove(leaf: number): void {
    this.at((events) => void events.splice(leaf, 1));
  }
  swap(leaf: number): void {
    this.at((events) => {
      const [a, b] = [events[leaf], events[leaf + 1]];
      events[leaf] = { ...b, position: a.position };
      events[leaf + 1] = { ...a, position: b.position };
    });
  }
  insert(leaf: number): void {
    this.at((events) => {
      const forged = { ...events[leaf], id: 'forged', revision: 1000 };
      // Positions are offsets on EventStoreDB: the forged event sits just before its neighbour.
      events.splice(leaf, 0, { ...forged, position: events[leaf].position - 1 });
    });
  }
  cut(count: number): void {
    this.edits.push((events) => events.slice(0, events.length - count));
  }
}

(url ? describe : describe.skip)('EventStoreDB', () => {
  describeTamperEvidence('EventStoreDB', async () => {
    const events = new EsdbEventStore({ connectionString: url });
    return { events, tamper: () => new TamperedReading(events), close: () => events.close() };
  });
});
