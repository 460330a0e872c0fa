import Database from 'better-sqlite3';

/**
 * The worker's own state, kept apart from the event store: how far it has read (checkpoint), what
 * it has learned from the events (subscriptions, key owners), what it owes (deliveries: the
 * outbox, one row per subscription and event) and what it tried (attempts: the delivery log).
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS checkpoint (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS subscriptions (
    id            TEXT PRIMARY KEY,
    live          INTEGER NOT NULL,
    scope         TEXT,
    owner_user_id TEXT,
    org_id        TEXT,
    state         TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS subscriptions_by_org ON subscriptions (org_id) WHERE live = 1;
  CREATE INDEX IF NOT EXISTS subscriptions_by_owner ON subscriptions (owner_user_id) WHERE live = 1;
  CREATE TABLE IF NOT EXISTS key_owners (
    key_id        TEXT PRIMARY KEY,
    scope         TEXT NOT NULL,
    owner_user_id TEXT NOT NULL,
    org_id        TEXT
  );
  CREATE TABLE IF NOT EXISTS deliveries (
    subscription_id TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    event_type      TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER,
    PRIMARY KEY (subscription_id, event_id)
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at, position)
    WHERE status = 'pending';
  CREATE TABLE IF NOT EXISTS attempts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    attempt         INTEGER NOT NULL,
    url             TEXT    NOT NULL,
    attempted_at    TEXT    NOT NULL,
    status_code     INTEGER,
    duration_ms     INTEGER NOT NULL,
    error           TEXT,
    outcome         TEXT    NOT NULL
  );
  CREATE INDEX IF NOT EXISTS attempts_by_subscription ON attempts (subscription_id, id);
`;

/** Opens (and creates) a webhook database, durable at every commit like the event store. */
export function openWebhookDatabase(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  // FULL: a recorded success must survive a power cut, or the event would be delivered again.
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  return db;
}
