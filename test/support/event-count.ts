import { join } from 'node:path';
import Database from 'better-sqlite3';

/** How many events the embedded store in `dataDir` holds (read through a separate connection). */
export function eventCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
