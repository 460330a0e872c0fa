import { ReadAllOptions } from '../event-store.port';

/** A SELECT over the events table and its parameters. */
export interface PageQuery {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

/** The page of the global order that `readAll` asks for, filtered in SQL. */
export function pageQuery(options: ReadAllOptions, defaultMaxCount: number): PageQuery {
  const where = ['position > ?'];
  const params: (string | number)[] = [options.fromPosition ?? 0];
  const { streamPrefixes, eventTypes } = options.filter ?? {};
  if (streamPrefixes) {
    // length() on the parameter itself, so SQLite counts characters the same way on both sides.
    where.push(
      `(${streamPrefixes.map(() => 'substr(stream, 1, length(?)) = ?').join(' OR ') || 'FALSE'})`,
    );
    for (const prefix of streamPrefixes) params.push(prefix, prefix);
  }
  if (eventTypes) {
    where.push(
      eventTypes.length > 0 ? `type IN (${eventTypes.map(() => '?').join(', ')})` : 'FALSE',
    );
    params.push(...eventTypes);
  }
  params.push(options.maxCount ?? defaultMaxCount);
  return {
    sql: `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`,
    params,
  };
}
