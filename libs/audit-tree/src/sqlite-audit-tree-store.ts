import Database from 'better-sqlite3';
import { AuditPublicKey, TreeHead } from '@keyledger/client';
import { NewLeaf, StoredLeaf } from './audit-tree.types';
import { TreeFrontier } from './tree-frontier';
import { TreeNodes } from './tree-nodes';

/*
 * Leaves keep level 0 (with the event they are); `nodes` keeps every complete subtree above it
 * under one integer key, index·64 + level, so appends and reads stay on the rowid B-tree.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS leaves (
    leaf_index INTEGER PRIMARY KEY,
    event_id   TEXT    NOT NULL UNIQUE,
    position   INTEGER NOT NULL,
    hash       BLOB    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS nodes (id INTEGER PRIMARY KEY, hash BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS tree_heads (
    tree_size INTEGER PRIMARY KEY,
    root_hash TEXT    NOT NULL,
    timestamp INTEGER NOT NULL,
    key_id    TEXT    NOT NULL,
    signature TEXT    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS signing_keys (
    key_id         TEXT    PRIMARY KEY,
    public_key_pem TEXT    NOT NULL,
    first_used_at  INTEGER NOT NULL
  );
`;

/** The tree's file name inside DATA_DIR, beside the events. */
export const AUDIT_TREE_FILE = 'audit-tree.sqlite';

const nodeId = (level: number, index: number): number => index * 64 + level;

/** Rows per multi-row INSERT (4 columns × 64 stays far below SQLite's 32766 parameters). */
const ROWS_PER_INSERT = 64;

/** A tree that changed under this handle: another process appended to the same file. */
class MovedTreeError extends Error {}

/**
 * The Merkle tree of the audit log, its signed heads and signing keys, in one SQLite file beside
 * the events. A restart reads the frontier back (O(log n) rows) instead of rehashing every leaf;
 * a proof reads O(log n) nodes. Several processes may share the file: each append checks, under
 * the write lock, that the tree is still the size this handle knows.
 */
export class SqliteAuditTreeStore implements TreeNodes {
  private readonly db: Database.Database;
  private readonly readonly: boolean;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly sql;
  private frontier: TreeFrontier;

  constructor(file: string, options: { readonly readonly?: boolean } = {}) {
    const readonly = options.readonly ?? false;
    this.readonly = readonly;
    this.db = new Database(file, { timeout: 5000, readonly, fileMustExist: readonly });
    if (!readonly) {
      this.db.pragma('journal_mode = WAL');
      // The tree is derived from the events: a commit lost to a power cut is appended again.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    }
    this.sql = {
      size: this.db.prepare<[], { size: number }>(
        'SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM leaves',
      ),
      leaf: this.db.prepare<[number], StoredLeaf>('SELECT * FROM leaves WHERE leaf_index = ?'),
      leafOf: this.db.prepare<[string], StoredLeaf>('SELECT * FROM leaves WHERE event_id = ?'),
      leaves: this.db.prepare<[number, number], StoredLeaf>(
        'SELECT * FROM leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?',
      ),
      node: this.db.prepare<[number], { hash: Buffer }>('SELECT hash FROM nodes WHERE id = ?'),
      insertHead: readonly
        ? null
        : this.db.prepare<[TreeHead], void>(
            `INSERT OR IGNORE INTO tree_heads (tree_size, root_hash, timestamp, key_id, signature)
             VALUES (@tree_size, @root_hash, @timestamp, @key_id, @signature)`,
          ),
      insertKey: readonly
        ? null
        : this.db.prepare<[string, string, number], void>(
            'INSERT OR IGNORE INTO signing_keys (key_id, public_key_pem, first_used_at) VALUES (?, ?, ?)',
          ),
      latestHead: this.db.prepare<[], TreeHead>(
        'SELECT * FROM tree_heads ORDER BY tree_size DESC LIMIT 1',
      ),
      headAt: this.db.prepare<[number], TreeHead>('SELECT * FROM tree_heads WHERE tree_size = ?'),
      heads: this.db.prepare<[], TreeHead>('SELECT * FROM tree_heads ORDER BY tree_size'),
      keys: this.db.prepare<[], AuditPublicKey>(
        'SELECT key_id, public_key_pem FROM signing_keys ORDER BY first_used_at, key_id',
      ),
    };
    this.frontier = TreeFrontier.of(this, this.storedSize());
  }

  /** Leaves in the tree as this handle last saw it. */
  get size(): number {
    return this.frontier.size;
  }

  /** Position of the last leaf's event in the store, 0 before the first. */
  get lastPosition(): number {
    return this.size === 0 ? 0 : this.leaf(this.size - 1)!.position;
  }

  /** The current root, null while the tree is empty. */
  root(): Uint8Array | null {
    return this.frontier.root();
  }

  node(level: number, index: number): Uint8Array {
    const hash =
      level === 0 ? this.sql.leaf.get(index)?.hash : this.sql.node.get(nodeId(level, index))?.hash;
    if (hash === undefined)
      throw new RangeError(`no stored node at level ${level}, index ${index}`);
    return hash;
  }

  /**
   * Appends leaves whose events follow `this.lastPosition`, in one transaction. Leaves another
   * process already appended are skipped; returns the tree size after.
   */
  append(leaves: readonly NewLeaf[]): number {
    if (leaves.length === 0) return this.size;
    for (;;) {
      try {
        this.db.transaction(() => this.appendLocked(leaves)).immediate();
        return this.size;
      } catch (error) {
        if (!(error instanceof MovedTreeError)) {
          // The transaction rolled back: the frontier in memory may hold nodes it never stored.
          this.reload();
          throw error;
        }
        this.reload();
      }
    }
  }

  private appendLocked(leaves: readonly NewLeaf[]): void {
    if (this.storedSize() !== this.size) throw new MovedTreeError();
    const after = this.lastPosition;
    const leafRows: unknown[][] = [];
    const nodeRows: unknown[][] = [];
    for (const leaf of leaves) {
      if (leaf.position <= after) continue;
      const index = this.frontier.size;
      this.frontier.append(leaf.hash, (level, at, hash) => {
        if (level === 0) leafRows.push([index, leaf.event_id, leaf.position, hash]);
        else nodeRows.push([nodeId(level, at), hash]);
      });
    }
    this.insertRows('leaves (leaf_index, event_id, position, hash)', 4, leafRows);
    this.insertRows('nodes (id, hash)', 2, nodeRows);
  }

  /** Inserts rows many to a statement: per-statement overhead is most of an append's cost. */
  private insertRows(target: string, width: number, rows: readonly unknown[][]): void {
    if (this.readonly) throw new Error('the audit tree was opened read-only');
    let done = 0;
    for (; rows.length - done >= ROWS_PER_INSERT; done += ROWS_PER_INSERT) {
      this.insertStatement(target, width, ROWS_PER_INSERT).run(
        rows.slice(done, done + ROWS_PER_INSERT).flat(),
      );
    }
    for (const row of rows.slice(done)) this.insertStatement(target, width, 1).run(row);
  }

  private insertStatement(target: string, width: number, count: number): Database.Statement {
    const sql = `INSERT INTO ${target} VALUES ${Array(count)
      .fill(`(${Array(width).fill('?').join(', ')})`)
      .join(', ')}`;
    let statement = this.inserts.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.inserts.set(sql, statement);
    }
    return statement;
  }

  /** Re-reads the frontier from the file. */
  reload(): void {
    this.frontier = TreeFrontier.of(this, this.storedSize());
  }

  /** The leaf at an index, or null past the end. */
  leaf(index: number): StoredLeaf | null {
    return this.sql.leaf.get(index) ?? null;
  }

  /** The leaf of an event, or null if the tree does not hold it (yet). */
  leafOf(eventId: string): StoredLeaf | null {
    return this.sql.leafOf.get(eventId) ?? null;
  }

  /** Leaves in index order from `from`, a page at a time. */
  *leaves(from = 0, page = 1000): Generator<StoredLeaf> {
    for (let next = from; ;) {
      const rows = this.sql.leaves.all(next, page);
      yield* rows;
      if (rows.length < page) return;
      next = rows[rows.length - 1].leaf_index + 1;
    }
  }

  /** Keeps a signed head (once per tree size). */
  saveHead(head: TreeHead): void {
    this.writable().insertHead.run(head);
  }

  /** The newest head, or null before the first. */
  latestHead(): TreeHead | null {
    return this.sql.latestHead.get() ?? null;
  }

  /** The head kept for a tree size, or null. */
  headAt(treeSize: number): TreeHead | null {
    return this.sql.headAt.get(treeSize) ?? null;
  }

  /** Every kept head, oldest first. */
  heads(): TreeHead[] {
    return this.sql.heads.all();
  }

  /** Records a signing key's public half, once; old keys stay so old heads stay verifiable. */
  recordKey(key: AuditPublicKey, firstUsedAt: number): void {
    this.writable().insertKey.run(key.key_id, key.public_key_pem, firstUsedAt);
  }

  /** Every key that ever signed a head here. */
  publicKeys(): AuditPublicKey[] {
    return this.sql.keys.all();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private storedSize(): number {
    return this.sql.size.get()!.size;
  }

  private writable() {
    const { insertHead, insertKey } = this.sql;
    if (!insertHead || !insertKey) throw new Error('the audit tree was opened read-only');
    return { insertHead, insertKey };
  }
}
