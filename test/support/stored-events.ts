import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AUDIT_TREE_FILE } from '@keyledger/audit-tree';

/** An event as the embedded store holds it, read straight from the file. */
export interface StoredEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: { readonly request_id: string | null; readonly [field: string]: unknown };
}

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

/** The path of the embedded event store inside a data directory. */
export const eventStoreFile = (dataDir: string): string => join(dataDir, 'events.sqlite');

/** The audit tree file the service keeps beside the events. */
export const auditTreeFile = (dataDir: string): string => join(dataDir, AUDIT_TREE_FILE);

/**
 * Every event in `dataDir`'s store in global order, read through a separate read-only
 * connection: what is on disk, not what a running service believes.
 */
export function storedEvents(dataDir: string): StoredEvent[] {
  const db = new Database(eventStoreFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], EventRow>(
        'SELECT position, stream, revision, type, data, metadata FROM events ORDER BY position',
      )
      .all()
      .map((row) => ({
        ...row,
        data: JSON.parse(row.data) as StoredEvent['data'],
        metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
      }));
  } finally {
    db.close();
  }
}
