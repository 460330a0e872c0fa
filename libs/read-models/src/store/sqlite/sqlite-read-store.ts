import Database from 'better-sqlite3';
import { CollectionSpec, Document, DocumentCollection, ReadStore } from '../read-store.port';
import { SqliteCollection } from './sqlite-collection';

/** Where the SQLite read store keeps its file. */
export interface SqliteReadStoreOptions {
  /** Path of the database file (created if missing); `:memory:` for a store that dies with the process. */
  readonly file: string;
}

/** How long a writer waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** Committed batches between two `PRAGMA optimize` runs, which keep the planner's statistics fresh. */
const BATCHES_PER_OPTIMIZE = 200;

/**
 * The embedded read store (the default): one SQLite file beside the event store, a table per
 * collection, checkpoints in the same file. A runner batch is one transaction, so documents and
 * checkpoints survive a restart together and start-up resumes from them instead of replaying.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, SqliteCollection<Document>>();
  private readonly statements;
  /** The batch running now: batches take turns, each in its own transaction. */
  private turn: Promise<unknown> = Promise.resolve();
  private committed = 0;
  /** Collections whose tables the running batch created: a rollback takes the tables too. */
  private createdInBatch: string[] = [];

  constructor(options: SqliteReadStoreOptions) {
    this.db = new Database(options.file, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuilt from the events: a commit lost to a power cut is replayed from
    // the checkpoint committed with it, so no fsync per commit.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('analysis_limit = 1000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      projection TEXT    NOT NULL PRIMARY KEY,
      position   INTEGER NOT NULL
    )`);
    this.db.pragma('optimize = 0x10002');
    this.statements = {
      checkpoint: this.db.prepare<[string], { position: number }>(
        'SELECT position FROM projection_checkpoints WHERE projection = ?',
      ),
      saveCheckpoint: this.db.prepare<[string, number], void>(
        `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
      ),
    };
  }

  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D> {
    return this.sqliteCollection(spec);
  }

  /** The collection as SQLite holds it, with the SQL of its pages (for query-plan tests). */
  sqliteCollection<D extends Document>(spec: CollectionSpec<D>): SqliteCollection<D> {
    const existing = this.collections.get(spec.name);
    if (existing) return existing as unknown as SqliteCollection<D>;
    const created = new SqliteCollection<D>(this.db, spec);
    // One collection per name: the spec that first names it fixes its document type.
    this.collections.set(spec.name, created as unknown as SqliteCollection<Document>);
    if (this.db.inTransaction) this.createdInBatch.push(spec.name);
    return created;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.statements.checkpoint.get(projection)?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.statements.saveCheckpoint.run(projection, position);
  }

  /**
   * One transaction around the batch. Queries served meanwhile share the connection and so see
   * the batch's writes before its commit: documents that only ever move forward by position.
   */
  batch<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.createdInBatch = [];
      try {
        const result = await work();
        this.db.exec('COMMIT');
        if (++this.committed % BATCHES_PER_OPTIMIZE === 0) this.db.pragma('optimize');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const name of this.createdInBatch) this.collections.delete(name);
        throw error;
      }
    });
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** The query plan SQLite picks for a statement: one line per step, as EXPLAIN QUERY PLAN prints them. */
  queryPlan(sql: string, params: readonly unknown[]): string[] {
    return this.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((step) => step.detail);
  }

  async close(): Promise<void> {
    await this.turn;
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }
}
