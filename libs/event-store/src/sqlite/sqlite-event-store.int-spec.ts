import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract, testMetadata } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const tempFile = (): { file: string; dir: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-es-'));
  return { dir, file: join(dir, 'events.sqlite') };
};

describeEventStoreContract('SQLite', async () => {
  const { dir, file } = tempFile();
  return {
    store: new SqliteEventStore({ file }),
    reopen: async () => new SqliteEventStore({ file }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite event store on one file shared by two processes', () => {
  let dir: string;
  let file: string;
  let first: SqliteEventStore;
  let second: SqliteEventStore;
  const metadata = testMetadata();

  beforeEach(() => {
    ({ dir, file } = tempFile());
    // Two store objects hold two connections, as two service instances would.
    first = new SqliteEventStore({ file, pollIntervalMs: 5 });
    second = new SqliteEventStore({ file, pollIntervalMs: 5 });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers to a subscriber the events another connection appends', async () => {
    const subscription = first.subscribe({});
    await second.append('key-1', [{ type: 'KeyCreated', data: {} }], { expectedRevision: 'no_stream', metadata });
    for await (const event of subscription) {
      expect([event.stream, event.position]).toEqual(['key-1', 1]);
      break;
    }
    await subscription.close();
  });

  it('refuses the second of two appends on the same revision from different connections', async () => {
    await first.append('key-1', [{ type: 'A', data: {} }], { expectedRevision: 'no_stream', metadata });
    await second.append('key-1', [{ type: 'B', data: {} }], { expectedRevision: 0, metadata });
    await expect(
      first.append('key-1', [{ type: 'C', data: {} }], { expectedRevision: 0, metadata }),
    ).rejects.toMatchObject({ actual: 1 });
    expect((await first.readStream('key-1')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('syncs every commit to disk (WAL with synchronous FULL)', () => {
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(first['db'].pragma('synchronous', { simple: true })).toBe(2);
  });
});

describe('SQLite event store hash chain', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const metadata = testMetadata();

  beforeEach(async () => {
    ({ dir, file } = tempFile());
    store = new SqliteEventStore({ file });
    await store.append('key-a', [{ type: 'KeyCreated', data: { n: 1 } }, { type: 'KeyRenamed', data: { n: 2 } }], {
      expectedRevision: 'no_stream',
      metadata,
    });
    await store.append('key-b', [{ type: 'KeyCreated', data: { n: 3 } }], { expectedRevision: 'no_stream', metadata });
    await store.append('key-a', [{ type: 'KeyDisabled', data: { n: 4 } }, { type: 'KeyEnabled', data: { n: 5 } }], {
      expectedRevision: 1,
      metadata,
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Edits the file behind the store's back, as an intruder with file access would. */
  const tamper = (sql: string): void => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };

  it('verifies an untouched store', () => {
    expect(store.verify()).toMatchObject({ ok: true, checked: 5 });
  });

  it('names an altered event', () => {
    tamper(`UPDATE events SET data = '{"n":999}' WHERE position = 3`);
    expect(store.verify()).toMatchObject({
      ok: false,
      checked: 2,
      problem: { kind: 'altered', position: 3, stream: 'key-b', revision: 0 },
    });
  });

  it('names altered metadata', () => {
    tamper(`UPDATE events SET metadata = replace(metadata, 'user_1', 'user_2') WHERE position = 2`);
    expect(store.verify()).toMatchObject({ ok: false, problem: { kind: 'altered', position: 2 } });
  });

  it('names the place of a removed event', () => {
    tamper('DELETE FROM events WHERE position = 3');
    expect(store.verify()).toMatchObject({ ok: false, problem: { kind: 'removed', position: 4 } });
  });

  it('names a removed event of the same stream', () => {
    tamper('DELETE FROM events WHERE position = 4');
    expect(store.verify()).toMatchObject({
      ok: false,
      problem: { kind: 'removed', position: 5, stream: 'key-a', revision: 3 },
    });
  });

  it('names reordered events', () => {
    tamper(`UPDATE events SET position = -4 WHERE position = 4;
            UPDATE events SET position = 4, revision = -1 WHERE position = 5;
            UPDATE events SET position = 5 WHERE position = -4;
            UPDATE events SET revision = 2 WHERE position = 5;
            UPDATE events SET revision = 3 WHERE position = 4;`);
    expect(store.verify()).toMatchObject({ ok: false, problem: { kind: 'reordered', position: 4, stream: 'key-a' } });
  });

  it('names a removed last event only through the head it no longer reaches', async () => {
    const before = store.verify();
    tamper('DELETE FROM events WHERE position = 5');
    const after = store.verify();
    expect(before.ok && after.ok && before.head !== after.head).toBe(true);
  });
});
