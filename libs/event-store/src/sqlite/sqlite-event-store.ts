import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { catchUpSubscription } from '../catch-up-subscription';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  StreamAppend,
} from '../event-store.port';
import { matchesExpectedRevision, WrongExpectedRevisionError } from '../expected-revision';
import { SubscriptionHealth } from '../subscription-health';
import { WakeSignal } from '../wake-signal';
import { openEventDatabase } from './sqlite-database';
import { EventRow, toRecordedEvent } from './sqlite-event-row';
import { pageQuery } from './sqlite-page-query';

/** Where the SQLite store keeps its events and how it watches for other writers. */
export interface SqliteEventStoreOptions {
  /** Path of the database file (created if missing). */
  readonly file: string;
  /** How often a caught-up subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
}

const DEFAULT_POLL_MS = 25;
const DEFAULT_PAGE = 1000;

/**
 * The embedded event store: one SQLite file in WAL mode and fsync'd commits. Several processes
 * may share the file: SQLite's write lock serialises appends. Tamper evidence is the audit tree's
 * (libs/audit-tree), the same on every store.
 */
export class SqliteEventStore implements EventStore {
  /** Positions come from one AUTOINCREMENT sequence: 1, 2, 3… */
  readonly positionUnit = 'event' as const;
  /** Its subscriptions read the file and never drop; a failed read ends them with its error. */
  readonly subscriptionHealth = new SubscriptionHealth();
  private readonly db: Database.Database;
  private readonly wake = new WakeSignal();
  private readonly closing = new AbortController();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly pageStatements = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase(options.file);
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.statements = {
      streamHead: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      lastPosition: this.db.prepare<[], { position: number }>(
        'SELECT position FROM events ORDER BY position DESC LIMIT 1',
      ),
      // The sequence, not max(position): a deleted tail must not have its positions reused.
      lastIssuedPosition: this.db.prepare<[], { seq: number }>(
        "SELECT seq FROM sqlite_sequence WHERE name = 'events'",
      ),
      insert: this.db.prepare<[EventRow], void>(
        `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at)
         VALUES (@position, @id, @stream, @revision, @type, @data, @metadata, @recorded_at)`,
      ),
      readStream: this.db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
      ),
    };
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    // IMMEDIATE takes the write lock before the revision check, so check and insert are one
    // step even against another process appending to the same file.
    const result = this.db
      .transaction(() => this.appendLocked(stream, events, options))
      .immediate();
    this.wake.notify();
    return result;
  }

  /**
   * Appends to many streams in one transaction (one commit, one fsync), each append checked as
   * `append` checks it; all or nothing. For usage flushes, imports and generated histories: one
   * append per transaction costs a commit each (an fsync that blocks the event loop), which
   * bounds a bulk load to a few thousand appends a second.
   */
  async appendBatch(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.some(({ events }) => events.length === 0))
      throw new RangeError('append needs at least one event');
    const results = this.db
      .transaction(() =>
        appends.map(({ stream, events, options }) => this.appendLocked(stream, events, options)),
      )
      .immediate();
    this.wake.notify();
    return results;
  }

  private appendLocked(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): AppendResult {
    const actual = this.statements.streamHead.get(stream)?.revision ?? 'no_stream';
    if (!matchesExpectedRevision(options.expectedRevision, actual)) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, actual);
    }
    let position = this.statements.lastIssuedPosition.get()?.seq ?? 0;
    let revision = actual === 'no_stream' ? -1 : actual;
    const recordedAt = new Date().toISOString();
    const metadata = JSON.stringify(options.metadata);
    for (const event of events) {
      const row = {
        position: ++position,
        id: event.id ?? randomUUID(),
        stream,
        revision: ++revision,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata,
        recorded_at: recordedAt,
      };
      this.statements.insert.run(row);
    }
    return { nextRevision: revision, position };
  }

  async readStream(
    stream: string,
    options: { readonly fromRevision?: number } = {},
  ): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(stream, options.fromRevision ?? 0).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { sql, params } = pageQuery(options, DEFAULT_PAGE);
    return this.pageStatement(sql)
      .all(...params)
      .map(toRecordedEvent);
  }

  /**
   * Positions are issued under the write lock and committed in that order, so reading "after the
   * last delivered position" never skips an event that commits later.
   */
  subscribe(options: Omit<ReadAllOptions, 'maxCount'> = {}): EventSubscription {
    return catchUpSubscription(this, this.wake, {
      ...options,
      pollIntervalMs: this.pollIntervalMs,
      signal: this.closing.signal,
    });
  }

  async headPosition(): Promise<number> {
    return this.statements.lastPosition.get()?.position ?? 0;
  }

  /** Ends every subscription of this store, then closes the database. */
  async close(): Promise<void> {
    this.closing.abort();
    if (this.db.open) this.db.close();
  }

  /** Filters vary in shape (how many prefixes, types): prepare each shape once. */
  private pageStatement(sql: string): Database.Statement<unknown[], EventRow> {
    let statement = this.pageStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(sql);
      this.pageStatements.set(sql, statement);
    }
    return statement;
  }
}
