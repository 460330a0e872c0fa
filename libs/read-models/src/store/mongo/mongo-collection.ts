import type { Collection } from 'mongodb';
import { decodeCursor, encodeCursor } from '../cursor';
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
  Where,
} from '../read-store.port';
import { sortPoint } from '../sort-point';
import { UniqueConstraintError } from '../unique-constraint-error';
import { fromStored, mongoField, StoredDocument, storedDocument } from './mongo-document';
import { mongoFilter, mongoIndex, mongoSort } from './mongo-query';
import { guardedOperation, newestPerDocument } from './mongo-writes';

const DUPLICATE_KEY = 11000;

/** A cursor's rows, mapped, in arrays of at most `size`. */
async function* inBatches<T>(
  rows: AsyncIterable<StoredDocument>,
  size: number,
  map: (row: StoredDocument) => T,
): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(map(row));
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/**
 * The writes a bulk write refused ([] for any other error). The driver is imported here rather
 * than with the module (see MongoReadStore.connect); a store is connected by now, so it is loaded.
 */
async function bulkWriteFailures(error: unknown) {
  const { MongoBulkWriteError } = await import('mongodb');
  return error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
}

/** One read model's documents in one MongoDB collection, with the spec's indexes. */
export class MongoCollection<D extends Document> implements DocumentCollection<D> {
  private indexed: Promise<void> | null = null;

  constructor(
    private readonly collection: Collection<StoredDocument>,
    private readonly spec: CollectionSpec<D>,
  ) {}

  async get(id: string): Promise<D | null> {
    await this.ensureIndexes();
    const stored = await this.collection.findOne({ _id: id });
    return stored ? fromStored<D>(stored).document : null;
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    return documentsOf(await this.getPositioned(ids));
  }

  async getPositioned(ids: readonly string[]): Promise<ReadonlyMap<string, Positioned<D>>> {
    await this.ensureIndexes();
    const found = new Map<string, Positioned<D>>();
    for await (const stored of this.collection.find({ _id: { $in: [...ids] } }))
      found.set(stored._id, fromStored<D>(stored));
    return found;
  }

  async findOne(where: Where<D>): Promise<D | null> {
    await this.ensureIndexes();
    const [stored] = await this.collection
      .find(mongoFilter({ where }))
      .sort({ _id: 1 })
      .limit(1)
      .toArray();
    return stored ? fromStored<D>(stored).document : null;
  }

  async find(query: FindQuery<D>): Promise<Page<D>> {
    const { sort, limit } = query;
    const after = query.cursor ? decodeCursor(query.cursor, sort.length) : undefined;
    await this.ensureIndexes();
    const rows = await this.collection
      .find(mongoFilter(query, sort, after))
      .sort(mongoSort(sort))
      .limit(limit + 1)
      .toArray();
    const items = rows.slice(0, limit).map((row) => fromStored<D>(row).document);
    const last = items[items.length - 1];
    return {
      items,
      next_cursor: rows.length > limit && last ? encodeCursor(sortPoint(last, sort)) : null,
    };
  }

  async count(filter: DocumentFilter<D> = {}): Promise<number> {
    await this.ensureIndexes();
    return this.collection.countDocuments(mongoFilter(filter));
  }

  /** One aggregation: `$match`, then `$group` on the fields (a missing one groups as null). */
  async countGroups(
    filter: DocumentFilter<D>,
    fields: readonly [ScalarField<D>, ...ScalarField<D>[]],
  ): Promise<GroupCount[]> {
    await this.ensureIndexes();
    const key = Object.fromEntries(fields.map((field, i) => [`g${i}`, `$${mongoField(field)}`]));
    const groups = this.collection.aggregate<{ _id: Record<string, Scalar>; n: number }>([
      { $match: mongoFilter(filter) },
      { $group: { _id: key, n: { $sum: 1 } } },
    ]);
    const counts: GroupCount[] = [];
    for await (const group of groups)
      counts.push({ values: fields.map((_, i) => group._id[`g${i}`] ?? null), count: group.n });
    return counts;
  }

  /** One cursor, projected on the fields: an index holding them all answers it alone. */
  async *select<F extends ScalarField<D>>(
    query: SelectQuery<D>,
    fields: readonly F[],
    batchSize: number,
  ): AsyncIterable<readonly Selected<D, F>[]> {
    await this.ensureIndexes();
    const projection = Object.fromEntries(fields.map((field) => [mongoField(field), 1]));
    const rows = this.collection
      .find(mongoFilter(query), { projection, batchSize })
      .sort(mongoSort(query.sort));
    const pick = (row: StoredDocument) =>
      Object.fromEntries([
        ['id', row._id],
        ...fields.map((field) => [field, row[mongoField(field)] ?? null]),
      ]) as Selected<D, F>;
    yield* inBatches(rows, batchSize, pick);
  }

  /** In id order (the `_id` index): a natural-order scan may meet a document twice. */
  async *scan(batchSize: number): AsyncIterable<readonly D[]> {
    await this.ensureIndexes();
    const stored = this.collection.find({}, { batchSize }).sort({ _id: 1 });
    yield* inBatches(stored, batchSize, (row) => fromStored<D>(row).document);
  }

  /**
   * Every new state is first offered as one unordered `insertMany`: documents not stored yet (what
   * a rebuild mostly writes) land in one round trip, where FerretDB runs each upsert as its own
   * query and insert, a thousand times slower per document. Those already stored (a duplicate
   * `_id`) and deletions then take the position-guarded path.
   */
  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    const newest = newestPerDocument(writes);
    if (newest.length === 0) return;
    await this.ensureIndexes();
    const offered = newest.filter((write) => write.document !== null);
    const stored = await this.insertUnstored(offered);
    await this.writeGuarded([
      ...newest.filter((write) => write.document === null),
      ...stored.map((i) => offered[i]),
    ]);
  }

  /** Inserts the writes whose documents are not stored; returns the indexes of the others. */
  private async insertUnstored(writes: readonly DocumentWrite<D>[]): Promise<number[]> {
    if (writes.length === 0) return [];
    try {
      await this.collection.insertMany(
        writes.map(({ id, document, position }) => storedDocument(id, document as D, position)),
        { ordered: false },
      );
      return [];
    } catch (error) {
      const failures = await bulkWriteFailures(error);
      if (failures.length === 0 || failures.some((failure) => failure.code !== DUPLICATE_KEY))
        throw error;
      return failures.map((failure) => failure.index);
    }
  }

  /** Applies each write only over an older stored document, as `write` promises. */
  private async writeGuarded(writes: readonly DocumentWrite<D>[]): Promise<void> {
    let refused: string | null = null;
    // Ordered, resumed after each duplicate key: FerretDB stops an unordered update batch at
    // its first error where MongoDB goes on, and this behaves the same on both.
    for (let from = 0; from < writes.length;) {
      const failed = await this.writeUntilDuplicate(writes.slice(from));
      if (failed === null) break;
      const write = writes[from + failed];
      if (!(await this.isStale(write))) refused ??= write.id;
      from += failed + 1;
    }
    if (refused !== null) throw new UniqueConstraintError(this.spec.name, refused);
  }

  async drop(): Promise<void> {
    await this.collection.drop();
    this.indexed = null;
  }

  /** Writes in order until a duplicate key stops the batch; returns that write's index, or null. */
  private async writeUntilDuplicate(writes: readonly DocumentWrite<D>[]): Promise<number | null> {
    try {
      await this.collection.bulkWrite(writes.map(guardedOperation), { ordered: true });
      return null;
    } catch (error) {
      const [failure] = await bulkWriteFailures(error);
      if (failure?.code !== DUPLICATE_KEY) throw error;
      return failure.index;
    }
  }

  /**
   * Whether a duplicate key came from the position guard (a newer document is stored: the write
   * is stale and ignored) rather than from a unique field. Asking the stored position needs no
   * parsing of server messages, which MongoDB and FerretDB word differently.
   */
  private async isStale(write: DocumentWrite<D>): Promise<boolean> {
    const stored = await this.getPositioned([write.id]);
    return (stored.get(write.id)?.position ?? 0) >= write.position;
  }

  private ensureIndexes(): Promise<void> {
    this.indexed ??= this.createIndexes().catch((error: unknown) => {
      this.indexed = null;
      throw error;
    });
    return this.indexed;
  }

  /**
   * One index per call: FerretDB 1.24 drops the connection when a single createIndexes call
   * names two or more indexes that already exist, i.e. whenever a second process opens the store.
   */
  private async createIndexes(): Promise<void> {
    for (const index of this.spec.indexes) await this.collection.createIndexes([mongoIndex(index)]);
  }
}
