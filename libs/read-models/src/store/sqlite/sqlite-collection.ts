import Database from 'better-sqlite3';
import { decodeCursor, encodeCursor } from '../cursor';
import { compareSortPoints } from '../document-order';
import {
  CollectionSpec,
  Document,
  DocumentCollection,
  DocumentFilter,
  DocumentWrite,
  FindQuery,
  GroupCount,
  Page,
  documentsOf,
  Positioned,
  Scalar,
  ScalarField,
  Selected,
  SelectQuery,
  SortOrder,
  Where,
} from '../read-store.port';
import { sortPoint } from '../sort-point';
import { UniqueConstraintError } from '../unique-constraint-error';
import { DocumentCache } from './document-cache';
import { queryBranches } from './membership-branches';
import { fieldKey, folded, foldedColumn, identifier, jsonValue, SqlValue } from './sqlite-fields';
import { orderSql, SqlPart, whereSql } from './sqlite-query';
import { ensureCollectionSchema } from './sqlite-schema';

interface StoredRow {
  readonly id: string;
  readonly position: number;
  readonly doc: string;
}

/** A row's id and position, as `raw` statements give them (no row object). */
type RowReference = readonly [id: string, position: number];

/**
 * What a page query selects: references alone (documents taken from the cache), whole rows, or
 * (`select`) index expressions.
 */
export type PageColumns = 'id, position' | 'id, position, doc' | string;

/** The fields a select reads besides the id: those asked for, and the sort's for its cursor. */
function selectedFields<D>(query: SelectQuery<D>, fields: readonly ScalarField<D>[]): string[] {
  const read = new Set<string>([...fields, ...query.sort.map((key) => key.field)]);
  read.delete('id');
  return [...read];
}

/** A value read from an index expression as the document held it. */
function storedValue(value: SqlValue, boolean: boolean): Scalar {
  if (value === -Infinity) return null;
  return boolean ? value === 1 : value;
}

/**
 * The page of `limit` the branches' rows make: each branch read in the query's order, so one
 * branch is its page as it is; several are merged, each document once (alternatives overlap).
 */
function mergedPage<T extends Document>(
  sort: SortOrder<T>,
  limit: number,
  branches: readonly (readonly T[])[],
): Page<T> {
  const filled = branches.filter((branch) => branch.length > 0);
  let rows = filled.flat();
  if (filled.length > 1) {
    rows = [...new Map(rows.map((row) => [row.id, row])).values()];
    rows.sort((a, b) => compareSortPoints(sort, sortPoint(a, sort), sortPoint(b, sort)));
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor(sortPoint(last, sort)) : null,
  };
}

/**
 * Whether SQLite refused a write for a unique index. By its code alone, not `instanceof`: the
 * native addon keeps the error class of whichever copy of the module loaded it first (one per
 * Jest test file), so its errors need not be instances of this copy's classes, nor of its Error.
 */
const repeatsUniqueValue = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Statements run per page request or query text, prepared once each. */
const CACHED_STATEMENTS = 256;
/** Page queries kept with their SQL, by what they ask: a list read again writes no SQL. */
const CACHED_PAGE_QUERIES = 512;

/**
 * Pages of at most this many documents (an API page) go through the document cache; longer
 * reads (reports, exports, scans) read their rows straight and leave the cache to the pages.
 */
const CACHED_PAGE = 201;
/** Documents each collection keeps parsed: the first pages of the busiest lists. */
const CACHED_DOCUMENTS = 4_096;

/**
 * One read model's documents in one SQLite table: each document as JSON with the position it was
 * written at, the spec's indexes as expression indexes (see `fieldKey`), and a case-folded copy
 * of each searchable field. Pages are keyset queries that read an index in order.
 */
export class SqliteCollection<D extends Document> implements DocumentCollection<D> {
  private readonly table: string;
  private readonly searchable: ReadonlySet<string>;
  private readonly statements = new Map<string, Database.Statement<SqlValue[], unknown>>();
  private readonly pageSql = new Map<string, SqlPart[]>();
  private readonly cache = new DocumentCache<D>(CACHED_DOCUMENTS);
  private readonly fixed;

  constructor(
    private readonly db: Database.Database,
    private readonly spec: CollectionSpec<D>,
  ) {
    ensureCollectionSchema(db, spec);
    this.table = `"${identifier(spec.name)}"`;
    this.searchable = new Set(spec.searchable ?? []);
    const folds = [...this.searchable].map(foldedColumn);
    const t = this.table;
    this.fixed = {
      // A bare number: no row object for a read answered from the cache, nor for a write.
      positionById: db.prepare<[string], number>(`SELECT position FROM ${t} WHERE id = ?`).pluck(),
      byId: db.prepare<[string], StoredRow>(`SELECT id, position, doc FROM ${t} WHERE id = ?`),
      insert: db.prepare<SqlValue[], void>(
        `INSERT INTO ${t} (id, position, doc${folds.map((c) => `, ${c}`).join('')})
         VALUES (?, ?, ?${folds.map(() => ', ?').join('')})`,
      ),
      update: db.prepare<SqlValue[], void>(
        `UPDATE ${t} SET position = ?, doc = ?${folds.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
      ),
      remove: db.prepare<[string], void>(`DELETE FROM ${t} WHERE id = ?`),
      clear: db.prepare<[], void>(`DELETE FROM ${t}`),
      // Table order: a sequential read, no index. An update keeps a row's rowid.
      scanPage: db
        .prepare<[number, number], [number, string]>(
          `SELECT rowid, doc FROM ${t} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        )
        .raw(),
    };
  }

  async get(id: string): Promise<D | null> {
    return (await this.getPositioned([id])).get(id)?.document ?? null;
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    return documentsOf(await this.getPositioned(ids));
  }

  async getPositioned(ids: readonly string[]): Promise<ReadonlyMap<string, Positioned<D>>> {
    const found = new Map<string, Positioned<D>>();
    if (ids.length === 1) {
      const one = this.oneById(ids[0]);
      if (one !== undefined) found.set(ids[0], one);
      return found;
    }
    if (ids.length === 0) return found;
    for (const row of this.rowsById(ids))
      found.set(row.id, { document: this.parse(row), position: row.position });
    return found;
  }

  async findOne(where: Where<D>): Promise<D | null> {
    const filter = whereSql({ where }, this.searchable);
    const [row] = this.rows({
      sql: `SELECT id, position, doc FROM ${this.table} WHERE ${filter.sql} ORDER BY id LIMIT 1`,
      params: filter.params,
    });
    return row ? this.parse(row) : null;
  }

  /**
   * Each alternative, and each value of a membership on the leading field of an index, is asked
   * as its own query read in index order, and the pages merged: SQLite would otherwise sort
   * every match of the list. Short pages read their documents through the cache (see
   * `cachedBranches`).
   */
  async find(query: FindQuery<D>): Promise<Page<D>> {
    const branches =
      query.limit + 1 <= CACHED_PAGE ? this.cachedBranches(query) : this.readBranches(query);
    return mergedPage(query.sort, query.limit, branches);
  }

  async count(filter: DocumentFilter<D> = {}): Promise<number> {
    const part = whereSql(filter, this.searchable);
    const statement = this.statement(`SELECT count(*) AS n FROM ${this.table} WHERE ${part.sql}`);
    return (statement.get(...part.params) as { n: number }).n;
  }

  async countGroups(
    filter: DocumentFilter<D>,
    fields: readonly [ScalarField<D>, ...ScalarField<D>[]],
  ): Promise<GroupCount[]> {
    const { sql, params } = this.groupQuery(filter, fields);
    const rows = this.statement(sql).all(...params) as { values: string; n: number }[];
    return rows.map((row) => ({ values: JSON.parse(row.values) as Scalar[], count: row.n }));
  }

  /**
   * The SQL of `countGroups`: a GROUP BY on the fields' index expressions, which a list index
   * that includes them answers from its entries alone (a covering index: no document is read),
   * then each group's values read back as JSON from one of its documents, so booleans and nulls
   * come back as they were written rather than as the index keeps them (1, 0, -Infinity).
   */
  groupQuery(
    filter: DocumentFilter<D>,
    fields: readonly [ScalarField<D>, ...ScalarField<D>[]],
  ): SqlPart {
    const part = whereSql(filter, this.searchable);
    const t = this.table;
    const values = fields
      .map((field) => `coalesce(${jsonValue(field)}, 'null')`)
      .join(" || ',' || ");
    return {
      sql: `SELECT '[' || ${values} || ']' AS "values", g.n AS n
            FROM (SELECT max(rowid) AS r, count(*) AS n FROM ${t} WHERE ${part.sql}
                  GROUP BY ${fields.map(fieldKey).join(', ')}) AS g
            JOIN ${t} ON ${t}.rowid = g.r`,
      params: part.params,
    };
  }

  /**
   * Keyset pages of `batchSize`, like `find`'s but selecting the fields' index expressions (the
   * ones filters and sorts use), so an index carrying them all answers from its entries alone.
   */
  async *select<F extends ScalarField<D>>(
    query: SelectQuery<D>,
    fields: readonly F[],
    batchSize: number,
  ): AsyncIterable<readonly Selected<D, F>[]> {
    const read = selectedFields(query, fields);
    const booleans = read.map((field) => this.spec.booleans?.includes(field as ScalarField<D>));
    // Rows come as arrays (id first, then `read`'s fields): objects built here cost far less,
    // each a copy of one template holding every field (grown field by field, they cost three
    // times as much).
    // A row holds the id and the sort fields, all a page's order and cursor read of a document.
    const template: Record<string, Scalar> = Object.fromEntries(
      ['id', ...read].map((field) => [field, null]),
    );
    const decode = (row: SqlValue[]): D => {
      const selected: Record<string, Scalar> = { ...template };
      selected.id = row[0];
      for (let i = 0; i < read.length; i++)
        selected[read[i]] = storedValue(row[i + 1], booleans[i] === true);
      return selected as unknown as D;
    };
    let cursor: string | null = null;
    do {
      const page: FindQuery<D> = { ...query, limit: batchSize, cursor };
      const branches: D[][] = this.selectQueries(page, fields).map((branch) =>
        (
          this.statement(branch.sql)
            .raw(true)
            .all(...branch.params) as SqlValue[][]
        ).map(decode),
      );
      const selected: Page<D> = mergedPage(query.sort, batchSize, branches);
      if (selected.items.length > 0) yield selected.items as unknown as Selected<D, F>[];
      cursor = selected.next_cursor;
    } while (cursor !== null);
  }

  /**
   * Page by page, each page one synchronous query: no statement stays open across a yield, so
   * writes on the same connection meanwhile are not refused as busy.
   */
  async *scan(batchSize: number): AsyncIterable<readonly D[]> {
    let after = 0;
    for (;;) {
      const rows = this.fixed.scanPage.all(after, batchSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1][0];
      // The collection spec vouches for the documents' type.
      yield rows.map((row) => JSON.parse(row[1]) as D);
      if (rows.length < batchSize) return;
    }
  }

  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    let refused: string | null = null;
    this.db.transaction(() => {
      for (const write of writes) {
        try {
          this.applyWrite(write);
        } catch (error) {
          if (!repeatsUniqueValue(error)) throw error;
          refused ??= write.id;
        }
      }
    })();
    if (refused !== null) throw new UniqueConstraintError(this.spec.name, refused);
  }

  async drop(): Promise<void> {
    this.fixed.clear.run();
    this.cache.clear();
  }

  /**
   * The queries `find` runs for a page of `limit` rows, one per branch (see queryBranches),
   * selecting `columns`; tests ask SQLite for their plans.
   */
  pageQueries(
    query: FindQuery<D>,
    limit: number,
    columns: PageColumns = 'id, position, doc',
  ): SqlPart[] {
    // The SQL follows from the query alone; writing it cost a page more than reading its index.
    const asked = `${columns}|${limit}|${JSON.stringify(query)}`;
    let parts = this.pageSql.get(asked);
    if (parts === undefined) {
      if (this.pageSql.size >= CACHED_PAGE_QUERIES) this.pageSql.clear();
      parts = this.writePageQueries(query, limit, columns);
      this.pageSql.set(asked, parts);
    }
    return parts;
  }

  private writePageQueries(query: FindQuery<D>, limit: number, columns: PageColumns): SqlPart[] {
    const after = query.cursor ? decodeCursor(query.cursor, query.sort.length) : undefined;
    return queryBranches(query, this.spec).map((branch) => {
      const filter = whereSql(branch, this.searchable, after && { sort: query.sort, after });
      return {
        sql: `SELECT ${columns} FROM ${this.table} WHERE ${filter.sql}
              ORDER BY ${orderSql(query.sort)} LIMIT ${Math.trunc(limit)}`,
        params: filter.params,
      };
    });
  }

  /** The queries `select` runs for a page, one per branch; tests ask SQLite for their plans. */
  selectQueries(page: FindQuery<D>, fields: readonly ScalarField<D>[]): SqlPart[] {
    const columns = selectedFields(page, fields).map((field) => `${fieldKey(field)} AS "${field}"`);
    return this.pageQueries(page, page.limit + 1, ['id', ...columns].join(', '));
  }

  /** Each branch's documents, read and parsed. */
  private readBranches(query: FindQuery<D>): D[][] {
    return this.pageQueries(query, query.limit + 1).map((branch) =>
      this.rows(branch).map((row) => this.parse(row)),
    );
  }

  /**
   * Each branch's documents: its ids and positions read first (an index range and a rowid look-up
   * per row, no document), the documents then taken from the cache. A branch whose documents
   * are not all held at those positions is read again whole, in one statement (one snapshot),
   * and its documents kept. Reading and parsing the documents cost most of a page (a key list
   * page: 21 documents of ~1 kB); a page read again skips both.
   */
  private cachedBranches(query: FindQuery<D>): D[][] {
    const references = this.pageQueries(query, query.limit + 1, 'id, position');
    let whole: SqlPart[] | undefined;
    return references.map(
      (branch, i) =>
        this.heldDocuments(branch) ??
        this.keepRows((whole ??= this.pageQueries(query, query.limit + 1))[i]),
    );
  }

  /** The documents of a branch's references, or null unless the cache holds every one. */
  private heldDocuments(references: SqlPart): D[] | null {
    const held: D[] = [];
    const statement = this.statement(references.sql).raw(true);
    for (const [id, position] of statement.all(...references.params) as RowReference[]) {
      const document = this.cache.at(id, position);
      if (document === undefined) return null;
      held.push(document);
    }
    return held;
  }

  private keepRows(branch: SqlPart): D[] {
    return this.rows(branch).map((row) => this.cache.keep(this.parse(row), row.position));
  }

  private applyWrite(write: DocumentWrite<D>): void {
    const stored = this.fixed.positionById.get(write.id);
    if (stored !== undefined && stored >= write.position) return;
    if (write.document === null) {
      if (stored !== undefined) this.fixed.remove.run(write.id);
      return;
    }
    const doc = JSON.stringify(write.document);
    const document = write.document;
    const folds = [...this.searchable].map((field) => folded(document[field as keyof D]));
    if (stored !== undefined) this.fixed.update.run(write.position, doc, ...folds, write.id);
    else this.fixed.insert.run(write.id, write.position, doc, ...folds);
  }

  /**
   * One id is the common read (a key by id): its position first (a key lookup that reads no
   * document), then the document held at that position in the cache, so a key read again is
   * neither read nor parsed; only a miss reads the row, and keeps its document.
   */
  private oneById(id: string): Positioned<D> | undefined {
    const position = this.fixed.positionById.get(id);
    if (position === undefined) return undefined;
    const held = this.cache.at(id, position);
    if (held !== undefined) return { document: held, position };
    const row = this.fixed.byId.get(id);
    return (
      row && { document: this.cache.keep(this.parse(row), row.position), position: row.position }
    );
  }

  private rowsById(ids: readonly string[]): StoredRow[] {
    return this.rows({
      sql: `SELECT id, position, doc FROM ${this.table} WHERE id IN (SELECT value FROM json_each(?))`,
      params: [JSON.stringify(ids)],
    });
  }

  private rows(part: SqlPart): StoredRow[] {
    return this.statement(part.sql).all(...part.params) as StoredRow[];
  }

  private statement(sql: string): Database.Statement<SqlValue[], unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare<SqlValue[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // The collection spec vouches for the documents' type.
  private parse = (row: StoredRow): D => JSON.parse(row.doc) as D;
}
