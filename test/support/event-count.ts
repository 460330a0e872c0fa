import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How many events the embedded store in `dataDir` holds (read through a separate connection),
 * leaving out usage batches (`key_usage-…`): the flush timer appends those in the background,
 * refused resolutions included, so they say nothing about what a command wrote.
 */
export function eventCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          "SELECT count(*) AS n FROM events WHERE stream NOT LIKE 'key\\_usage-%' ESCAPE '\\'",
        )
        .get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}
