import { AnyBulkWriteOperation, Collection, Db, Filter, MongoClient, Sort } from 'mongodb';
import { decodeCursor, encodeCursor } from '../cursor';
import {
  Document,
  DocumentCollection,
  DocumentWrite,
  FindQuery,
  IndexSpec,
  Page,
  Positioned,
  ReadStore,
  Scalar,
} from '../read-store.port';

/** How a read-model document is stored: its id as `_id`, and the last applied position. */
type Stored = { _id: string; _position: number } & Record<string, unknown>;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fromStored<D extends Document>(stored: Stored): Positioned<D> {
  const { _id, _position, ...fields } = stored;
  return { document: { ...fields, id: _id } as unknown as D, position: _position };
}

function toFilter(query: Pick<FindQuery, 'where' | 'contains'>): Filter<Stored> {
  const filter: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(query.where ?? {})) {
    const name = field === 'id' ? '_id' : field;
    filter[name] = condition !== null && typeof condition === 'object' ? { $in: [...condition.in] } : condition;
  }
  if (query.contains) filter[query.contains.field] = { $regex: escapeRegex(query.contains.text), $options: 'i' };
  return filter as Filter<Stored>;
}

class MongoCollection<D extends Document> implements DocumentCollection<D> {
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly collection: Collection<Stored>,
    indexes: readonly IndexSpec[],
  ) {
    this.ready =
      indexes.length === 0
        ? Promise.resolve()
        : collection.createIndexes(
            indexes.map((index) => ({
              key: Object.fromEntries(index.fields.map((field) => [field, 1 as const])),
              unique: index.unique ?? false,
              ...(index.unique ? { partialFilterExpression: { [index.fields[0]]: { $type: 'string' } } } : {}),
            })),
          );
  }

  async get(id: string): Promise<Positioned<D> | null> {
    await this.ready;
    const stored = await this.collection.findOne({ _id: id });
    return stored ? fromStored<D>(stored) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Positioned<D>>> {
    await this.ready;
    const found = new Map<string, Positioned<D>>();
    for await (const stored of this.collection.find({ _id: { $in: [...ids] } })) found.set(stored._id, fromStored<D>(stored));
    return found;
  }

  async findOne(field: string, value: Scalar): Promise<D | null> {
    await this.ready;
    const stored = await this.collection.findOne({ [field]: value } as Filter<Stored>);
    return stored ? fromStored<D>(stored).document : null;
  }

  async find(query: FindQuery): Promise<Page<D>> {
    await this.ready;
    const { field, direction } = query.sort;
    const sortField = field === 'id' ? '_id' : field;
    const filter = toFilter(query);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const beyond = direction === 'asc' ? '$gt' : '$lt';
      Object.assign(filter, {
        $or: [{ [sortField]: { [beyond]: after.value } }, { [sortField]: after.value, _id: { [beyond]: after.id } }],
      });
    }
    const order = direction === 'asc' ? 1 : -1;
    const sort: Sort = { [sortField]: order, _id: order };
    const rows = await this.collection.find(filter).sort(sort).limit(query.limit + 1).toArray();
    const items = rows.slice(0, query.limit).map((row) => fromStored<D>(row).document);
    const last = items[items.length - 1];
    const value = last ? ((last as unknown as Record<string, unknown>)[field] as Scalar) : null;
    return { items, next_cursor: rows.length > query.limit && last ? encodeCursor({ value, id: last.id }) : null };
  }

  async count(where?: FindQuery['where']): Promise<number> {
    await this.ready;
    return this.collection.countDocuments(toFilter({ where }));
  }

  async *scan(): AsyncIterable<D> {
    await this.ready;
    for await (const stored of this.collection.find({}).sort({ _id: 1 })) yield fromStored<D>(stored).document;
  }

  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    if (writes.length === 0) return;
    await this.ready;
    // Read the stored positions first: older or repeated writes are dropped here, so a
    // redelivered batch changes nothing (at-least-once delivery, idempotent application).
    const ids = [...new Set(writes.map((write) => write.id))];
    const stored = new Map<string, number>();
    for await (const row of this.collection.find({ _id: { $in: ids } }, { projection: { _position: 1 } })) {
      stored.set(row._id, row._position);
    }
    const operations: AnyBulkWriteOperation<Stored>[] = [];
    for (const write of writes) {
      if ((stored.get(write.id) ?? 0) >= write.position) continue;
      stored.set(write.id, write.position);
      if (write.document === null) {
        operations.push({ deleteOne: { filter: { _id: write.id } } });
        continue;
      }
      const { id, ...fields } = write.document as unknown as Record<string, unknown> & { id: string };
      operations.push({
        replaceOne: { filter: { _id: id }, replacement: { ...fields, _id: id, _position: write.position } as Stored, upsert: true },
      });
    }
    if (operations.length > 0) await this.collection.bulkWrite(operations, { ordered: true });
  }

  async drop(): Promise<void> {
    await this.ready;
    await this.collection.deleteMany({});
  }
}

/** MongoDB read store (production): one collection per read model, checkpoints beside them. */
export class MongoReadStore implements ReadStore {
  private readonly db: Db;
  private readonly collections = new Map<string, MongoCollection<Document>>();

  private constructor(
    private readonly client: MongoClient,
    databaseName: string | undefined,
    private readonly prefix: string,
  ) {
    this.db = client.db(databaseName);
  }

  /** Connects to `url`; the database is the URL's, or `database` when given. */
  static async connect(url: string, options: { database?: string; prefix?: string } = {}): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    return new MongoReadStore(client, options.database, options.prefix ?? '');
  }

  collection<D extends Document>(name: string, indexes: readonly IndexSpec[] = []): DocumentCollection<D> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MongoCollection<Document>(this.db.collection<Stored>(`${this.prefix}${name}`), indexes);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<D>;
  }

  private get checkpoints(): Collection<{ _id: string; position: number }> {
    return this.db.collection(`${this.prefix}checkpoints`);
  }

  async getCheckpoint(projection: string): Promise<number> {
    return (await this.checkpoints.findOne({ _id: projection }))?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    await this.checkpoints.replaceOne({ _id: projection }, { position }, { upsert: true });
  }

  /** Drops the whole database (tests use a database of their own). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
