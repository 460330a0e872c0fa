import Database from 'better-sqlite3';
import { CollectionSpec, Document, IndexSpec } from '../read-store.port';
import { fieldKey, folded, foldedColumn, identifier } from './sqlite-fields';

/** An index as SQLite declares it. */
interface IndexDefinition {
  readonly name: string;
  readonly sql: string;
}

/**
 * The SQLite index of an index spec, on the fields' `fieldKey` expressions. A list index ends
 * with the id (the cursor's tie-break, so a page is read in index order), then the included fields
 * and the folded copies of the searchable fields, so those filters and a search are checked on
 * index entries before any document is read.
 */
export function indexDefinition<D extends Document>(
  spec: CollectionSpec<D>,
  index: IndexSpec<D>,
): IndexDefinition {
  const table = identifier(spec.name);
  const name = `${table}__${index.fields.map(identifier).join('__')}${index.unique ? '__unique' : ''}`;
  const columns = index.unique
    ? index.fields.map(fieldKey)
    : [
        ...index.fields.map(fieldKey),
        'id',
        ...(index.include ?? []).map(fieldKey),
        ...(spec.searchable ?? []).map(foldedColumn),
      ];
  const unique = index.unique ? 'UNIQUE ' : '';
  return { name, sql: `CREATE ${unique}INDEX "${name}" ON "${table}" (${columns.join(', ')})` };
}

/**
 * Creates a collection's table and brings its indexes and folded columns to what the spec
 * declares: missing ones are added (folded copies filled in from the documents), indexes no
 * longer declared or declared differently are dropped. Idempotent, so every open runs it.
 */
export function ensureCollectionSchema<D extends Document>(
  db: Database.Database,
  spec: CollectionSpec<D>,
): void {
  const table = identifier(spec.name);
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (
    id       TEXT    NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    doc      TEXT    NOT NULL
  )`);
  const columns = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((column) => column.name),
  );
  for (const field of spec.searchable ?? []) {
    const column = foldedColumn(field);
    if (columns.has(column)) continue;
    db.exec(`ALTER TABLE "${table}" ADD COLUMN ${column} TEXT`);
    backfillFolded(db, table, field);
  }
  const declared = spec.indexes.map((index) => indexDefinition(spec, index));
  const existing = db
    .prepare<[string], IndexDefinition>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    )
    .all(table);
  for (const index of existing) {
    if (!declared.some((wanted) => wanted.name === index.name && wanted.sql === index.sql))
      db.exec(`DROP INDEX "${index.name}"`);
  }
  for (const index of declared) {
    if (!existing.some((found) => found.name === index.name && found.sql === index.sql))
      db.exec(index.sql);
  }
}

/** Fills a new folded column from the documents, folding in JavaScript as writes do. */
function backfillFolded(db: Database.Database, table: string, field: string): void {
  const read = db.prepare<[], { id: string; value: unknown }>(
    `SELECT id, json_extract(doc, '$.${identifier(field)}') AS value FROM "${table}"`,
  );
  const update = db.prepare<[string | null, string], void>(
    `UPDATE "${table}" SET ${foldedColumn(field)} = ? WHERE id = ?`,
  );
  db.transaction(() => {
    for (const row of read.all()) update.run(folded(row.value), row.id);
  })();
}
