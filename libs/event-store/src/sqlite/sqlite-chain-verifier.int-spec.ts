import Database from 'better-sqlite3';
import { testMetadata } from '../testing/fixtures';
import { verifySqliteChain } from './sqlite-chain-verifier';
import { SqliteEventStore } from './sqlite-event-store';
import { temporaryDatabaseFile } from '../testing/temporary-database-file';

const metadata = testMetadata();

describe('verifySqliteChain on a tampered file', () => {
  let file: string;
  let remove: () => void;

  /**
   * Positions: 1 key-a/0, 2 key-a/1, 3 key-b/0, 4 key-a/2, 5 key-a/3, 6 key-c/0, 7 key-c/1.
   */
  beforeEach(async () => {
    ({ file, remove } = temporaryDatabaseFile());
    const store = new SqliteEventStore({ file });
    const append = (stream: string, types: string[], expectedRevision: number | 'no_stream') =>
      store.append(
        stream,
        types.map((type, n) => ({ type, data: { n } })),
        { expectedRevision, metadata },
      );
    await append('key-a', ['KeyCreated', 'KeyRenamed'], 'no_stream');
    await append('key-b', ['KeyCreated'], 'no_stream');
    await append('key-a', ['KeyDisabled', 'KeyEnabled'], 1);
    await append('key-c', ['KeyCreated', 'KeyRevoked'], 'no_stream');
    await store.close();
  });
  afterEach(() => remove());

  /** Edits the file behind the store's back, as someone with access to the disk could. */
  const tamper = (...statements: string[]): void => {
    const db = new Database(file);
    db.transaction(() => statements.forEach((sql) => db.exec(sql)))();
    db.close();
  };

  /** Swaps the positions of two rows, through a free placeholder so the primary key never clashes. */
  const swapPositions = (a: number, b: number): string[] => [
    `UPDATE events SET position = -1 WHERE position = ${a}`,
    `UPDATE events SET position = ${a} WHERE position = ${b}`,
    `UPDATE events SET position = ${b} WHERE position = -1`,
  ];

  it('verifies an untouched file', () => {
    expect(verifySqliteChain(file)).toMatchObject({ ok: true, checked: 7 });
  });

  it('verifies through an open connection as well', () => {
    const db = new Database(file, { readonly: true });
    expect(verifySqliteChain(db)).toMatchObject({ ok: true, checked: 7 });
    expect(db.open).toBe(true);
    db.close();
  });

  it('names an event whose data was changed', () => {
    tamper(`UPDATE events SET data = '{"n":999}' WHERE position = 3`);
    expect(verifySqliteChain(file)).toEqual({
      ok: false,
      checked: 2,
      problem: {
        kind: 'altered',
        position: 3,
        stream: 'key-b',
        revision: 0,
        detail: 'its content no longer matches its recorded hash',
      },
    });
  });

  it('names an event whose metadata was changed', () => {
    tamper(`UPDATE events SET metadata = replace(metadata, 'user_1', 'user_2') WHERE position = 5`);
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      checked: 4,
      problem: { kind: 'altered', position: 5 },
    });
  });

  it('names an event whose data is no longer JSON', () => {
    tamper(`UPDATE events SET data = 'not json' WHERE position = 6`);
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      problem: { kind: 'altered', position: 6 },
    });
  });

  it('names the event after a deleted one', () => {
    tamper('DELETE FROM events WHERE position = 3');
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      checked: 2,
      problem: {
        kind: 'removed',
        position: 4,
        stream: 'key-a',
        revision: 2,
        detail: 'position 3 is missing',
      },
    });
  });

  it('names the stream whose event was deleted', () => {
    tamper('DELETE FROM events WHERE position = 4');
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      problem: {
        kind: 'removed',
        position: 5,
        stream: 'key-a',
        revision: 3,
        detail: 'key-a revision 2 is missing',
      },
    });
  });

  it('names events of two streams whose positions were swapped', () => {
    tamper(...swapPositions(2, 3));
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      checked: 1,
      problem: { kind: 'reordered', position: 2, stream: 'key-b', revision: 0 },
    });
  });

  it('names distant events whose positions were swapped', () => {
    tamper(...swapPositions(3, 6));
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      checked: 2,
      problem: {
        kind: 'reordered',
        position: 3,
        stream: 'key-c',
        revision: 0,
        detail: expect.stringContaining('6'),
      },
    });
  });

  it('names events of one stream whose positions were swapped', () => {
    tamper(...swapPositions(4, 5));
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      checked: 3,
      problem: { kind: 'reordered', position: 4, stream: 'key-a', revision: 3 },
    });
  });

  it('shows a deleted tail through a changed head, and as a gap once the store appends again', async () => {
    const before = verifySqliteChain(file);
    tamper('DELETE FROM events WHERE position = 7');
    const after = verifySqliteChain(file);
    expect(before.ok && after.ok && before.head !== after.head).toBe(true);

    const store = new SqliteEventStore({ file });
    const { position } = await store.append('key-d', [{ type: 'KeyCreated', data: {} }], {
      expectedRevision: 'no_stream',
      metadata,
    });
    await store.close();
    expect(position).toBe(8);
    expect(verifySqliteChain(file)).toMatchObject({
      ok: false,
      problem: { kind: 'removed', position: 8 },
    });
  });
});
