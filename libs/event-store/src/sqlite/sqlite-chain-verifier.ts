import Database from 'better-sqlite3';
import { ChainedEvent, ChainSource, ChainVerdict, verifyChain } from '../hash-chain';
import { EventRow, toRecordedEvent } from './sqlite-event-row';

const PAGE = 1000;

/**
 * Recomputes the hash chain of an SQLite event store (a file path, or an open connection) and
 * names the first event that was altered, removed or reordered.
 */
export function verifySqliteChain(database: string | Database.Database): ChainVerdict {
  const db =
    typeof database === 'string'
      ? new Database(database, { readonly: true, fileMustExist: true })
      : database;
  try {
    // One read transaction: a consistent snapshot even while another process appends.
    return db.transaction(() => verifyChain(chainSource(db)))();
  } finally {
    if (db !== database) db.close();
  }
}

function chainSource(db: Database.Database): ChainSource {
  const page = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const revision = db.prepare<[string, number], { found: number }>(
    'SELECT 1 AS found FROM events WHERE stream = ? AND revision = ?',
  );
  return {
    // Pages rather than one open cursor: the verifier walks the table again while walking it.
    *events(): Iterable<ChainedEvent> {
      let after = 0;
      for (let rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
        for (const row of rows) yield { event: toRecordedEvent(row), link: row.chain };
        after = rows[rows.length - 1].position;
      }
    },
    hasRevision: (stream, rev) => revision.get(stream, rev) !== undefined,
  };
}
