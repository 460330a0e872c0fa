import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { catchUpSubscription } from '../catch-up-subscription';
import {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '../event-store.port';
import { matchesExpectedRevision, WrongExpectedRevisionError } from '../expected-revision';
import { chainLink, ChainVerdict, GENESIS_LINK, verifyChain } from '../hash-chain';
import { WakeSignal } from '../wake-signal';
import { EventRow, openEventDatabase } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file (created if missing). */
  readonly file: string;
  /** How often a caught-up subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
}

const DEFAULT_POLL_MS = 25;
const DEFAULT_PAGE = 1000;

/** The embedded event store: one SQLite file, WAL, fsync'd commits, a tamper-evident chain. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly wake = new WakeSignal();
  private readonly pollIntervalMs: number;
  private readonly statements;

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase(options.file);
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.statements = {
      streamHead: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      lastEvent: this.db.prepare<[], { position: number; chain: string }>(
        'SELECT position, chain FROM events ORDER BY position DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at, chain)
         VALUES (@position, @id, @stream, @revision, @type, @data, @metadata, @recorded_at, @chain)`,
      ),
      readStream: this.db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
      ),
      all: this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY position'),
    };
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // IMMEDIATE takes the write lock first, so the revision check and the insert are one step
    // even against another process writing to the same file.
    const result = this.db.transaction(() => this.appendLocked(stream, events, options)).immediate();
    this.wake.notify();
    return result;
  }

  private appendLocked(stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    const head = this.statements.streamHead.get(stream);
    const actual = head ? head.revision : 'no_stream';
    if (!matchesExpectedRevision(options.expectedRevision, actual)) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, actual);
    }
    const last = this.statements.lastEvent.get();
    let link = last?.chain ?? GENESIS_LINK;
    let position = last?.position ?? 0;
    let revision = head ? head.revision : -1;
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const recorded: RecordedEvent = {
        id: randomUUID(),
        stream,
        revision: ++revision,
        position: ++position,
        type: event.type,
        data: event.data,
        metadata: options.metadata,
        recorded_at: recordedAt,
      };
      link = chainLink(link, recorded);
      this.statements.insert.run({
        ...recorded,
        data: JSON.stringify(recorded.data),
        metadata: JSON.stringify(recorded.metadata),
        chain: link,
      });
    }
    return { nextRevision: revision, position };
  }

  async readStream(stream: string, options: { readonly fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(stream, options.fromRevision ?? 0).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { sql, params } = pageQuery(options);
    return this.db.prepare<unknown[], EventRow>(sql).all(...params).map(toRecordedEvent);
  }

  subscribe(options: Omit<ReadAllOptions, 'maxCount'> = {}): EventSubscription {
    return catchUpSubscription(this, this.wake, { ...options, pollIntervalMs: this.pollIntervalMs });
  }

  async headPosition(): Promise<number> {
    return this.statements.lastEvent.get()?.position ?? 0;
  }

  /** Recomputes the hash chain over every stored event and names the first break. */
  verify(): ChainVerdict {
    const rows = this.statements.all;
    return verifyChain(function* () {
      for (const row of rows.iterate()) yield { event: toRecordedEvent(row), link: row.chain };
    });
  }

  async close(): Promise<void> {
    this.wake.notify();
    if (this.db.open) this.db.close();
  }
}

function pageQuery(options: ReadAllOptions): { sql: string; params: unknown[] } {
  const where = ['position > ?'];
  const params: unknown[] = [options.fromPosition ?? 0];
  const filter: EventFilter = options.filter ?? {};
  if (filter.streamPrefixes) {
    where.push(`(${filter.streamPrefixes.map(() => 'substr(stream, 1, ?) = ?').join(' OR ') || '0'})`);
    for (const prefix of filter.streamPrefixes) params.push(prefix.length, prefix);
  }
  if (filter.eventTypes) {
    where.push(`type IN (${filter.eventTypes.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.eventTypes);
  }
  params.push(options.maxCount ?? DEFAULT_PAGE);
  return { sql: `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`, params };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recorded_at: row.recorded_at,
  };
}
