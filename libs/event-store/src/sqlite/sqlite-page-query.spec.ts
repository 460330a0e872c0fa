import Database from 'better-sqlite3';
import { ReadAllOptions } from '../event-store.port';
import { openEventDatabase } from './sqlite-database';
import { EventRow } from './sqlite-event-row';
import { pageQuery } from './sqlite-page-query';

describe('pageQuery', () => {
  let db: Database.Database;
  const streams = ["key-'quoted", 'key-😀-1', 'org-1', 'key-😀-2', 'org-2'];

  beforeAll(() => {
    db = openEventDatabase(':memory:');
    const insert = db.prepare(
      `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, 0, ?, '{}', '{}', '')`,
    );
    streams.forEach((stream, i) => insert.run(`id-${i}`, stream, i % 2 === 0 ? 'Even' : 'Odd'));
  });
  afterAll(() => db.close());

  const read = (options: ReadAllOptions): number[] => {
    const { sql, params } = pageQuery(options, 100);
    return db
      .prepare<unknown[], EventRow>(sql)
      .all(...params)
      .map((row) => row.position);
  };

  it('reads after the position, in order, up to the maximum', () => {
    expect(read({})).toEqual([1, 2, 3, 4, 5]);
    expect(read({ fromPosition: 2, maxCount: 2 })).toEqual([3, 4]);
  });

  it('matches stream prefixes literally, quotes and astral characters included', () => {
    expect(read({ filter: { streamPrefixes: ["key-'"] } })).toEqual([1]);
    expect(read({ filter: { streamPrefixes: ['key-😀', 'org-2'] } })).toEqual([2, 4, 5]);
  });

  it('matches event types exactly, together with prefixes', () => {
    expect(read({ filter: { eventTypes: ['Odd'] } })).toEqual([2, 4]);
    expect(read({ filter: { eventTypes: ['Even'], streamPrefixes: ['org-'] } })).toEqual([3, 5]);
  });

  it('matches nothing for empty lists', () => {
    expect(read({ filter: { streamPrefixes: [] } })).toEqual([]);
    expect(read({ filter: { eventTypes: [] } })).toEqual([]);
  });
});
