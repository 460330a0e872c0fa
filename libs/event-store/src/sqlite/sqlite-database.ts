import Database from 'better-sqlite3';

/**
 * AUTOINCREMENT keeps positions from ever being handed out twice, even after the last row is
 * deleted: a tampered tail then shows as a gap once the next event is appended.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

/** How long a writer waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (and creates) an event database with the durability settings the store promises. */
export function openEventDatabase(file: string): Database.Database {
  // The busy timeout comes first: switching to WAL needs a lock another process may hold.
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers (subscriptions, other processes) run while one writer appends.
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL at every commit, so an acknowledged append survives a power cut.
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  dropHashChain(db);
  return db;
}

/**
 * Files written before the audit tree carry a per-row hash chain (a NOT NULL column new appends
 * would not fill): drop it once. The tree, kept beside the events, replaces it on every store.
 */
function dropHashChain(db: Database.Database): void {
  const columns = db.pragma('table_info(events)') as { name: string }[];
  if (columns.some((column) => column.name === 'chain')) {
    db.exec('ALTER TABLE events DROP COLUMN chain');
  }
}
