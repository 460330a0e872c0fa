import {
  CollectionSpec,
  Document,
  DocumentCollection,
  DocumentWrite,
  documentsOf,
  Positioned,
  ReadStore,
} from '../store/read-store.port';

/** Documents written per call while a buffer is flushed. */
const FLUSH_CHUNK = 5_000;

/**
 * One collection's writes kept in memory until the buffer is flushed. Reads by id see them;
 * any other read flushes the collection first, so it sees what a plain store would.
 */
class BufferedCollection<D extends Document> implements DocumentCollection<D> {
  /** The newest state written of each document, with its position (null document: a delete). */
  private readonly pending = new Map<string, DocumentWrite<D>>();
  /** Ids written to the inner store since the first read by id, or null before that read. */
  private flushedIds: Set<string> | null = null;
  private flushedBeforeTracking = false;

  constructor(private readonly inner: DocumentCollection<D>) {}

  get size(): number {
    return this.pending.size;
  }

  /** Whether its documents are read back by id: a projection that folds onto stored state. */
  get readBack(): boolean {
    return this.flushedIds !== null;
  }

  async get(id: string): Promise<D | null> {
    return (await this.getPositioned([id])).get(id)?.document ?? null;
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    return documentsOf(await this.getPositioned(ids));
  }

  /**
   * Buffered states first; the inner store is asked only for ids it may hold: during a rebuild
   * it starts empty, so only ids flushed earlier (a FerretDB `$in` read scans its collection).
   */
  async getPositioned(ids: readonly string[]): Promise<ReadonlyMap<string, Positioned<D>>> {
    if (this.flushedIds === null && !this.flushedBeforeTracking) this.flushedIds = new Set();
    const found = new Map<string, Positioned<D>>();
    const unbuffered: string[] = [];
    for (const id of ids) {
      const write = this.pending.get(id);
      if (write === undefined) unbuffered.push(id);
      else if (write.document !== null)
        found.set(id, { document: write.document, position: write.position });
    }
    const flushed = this.flushedIds;
    const stored = flushed === null ? unbuffered : unbuffered.filter((id) => flushed.has(id));
    if (stored.length > 0)
      for (const [id, entry] of await this.inner.getPositioned(stored)) found.set(id, entry);
    return found;
  }

  /** Keeps the newest write of each document, as the store's position guard would. */
  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    for (const write of writes) {
      const kept = this.pending.get(write.id);
      if (kept === undefined || kept.position < write.position) this.pending.set(write.id, write);
    }
  }

  async drop(): Promise<void> {
    this.pending.clear();
    this.flushedIds?.clear();
    await this.inner.drop();
  }

  /** Writes the buffered states to the inner store, in large chunks, and forgets them. */
  async flush(): Promise<void> {
    const writes = [...this.pending.values()];
    for (let from = 0; from < writes.length; from += FLUSH_CHUNK)
      await this.inner.write(writes.slice(from, from + FLUSH_CHUNK));
    if (this.flushedIds === null) this.flushedBeforeTracking ||= writes.length > 0;
    else for (const write of writes) this.flushedIds.add(write.id);
    this.pending.clear();
  }

  findOne: DocumentCollection<D>['findOne'] = async (where) =>
    (await this.flushed()).findOne(where);
  find: DocumentCollection<D>['find'] = async (query) => (await this.flushed()).find(query);
  count: DocumentCollection<D>['count'] = async (filter) => (await this.flushed()).count(filter);
  countGroups: DocumentCollection<D>['countGroups'] = async (filter, fields) =>
    (await this.flushed()).countGroups(filter, fields);

  async *select(...args: Parameters<DocumentCollection<D>['select']>) {
    yield* (await this.flushed()).select(...args);
  }

  async *scan(batchSize: number): AsyncIterable<readonly D[]> {
    yield* (await this.flushed()).scan(batchSize);
  }

  private async flushed(): Promise<DocumentCollection<D>> {
    await this.flush();
    return this.inner;
  }
}

/**
 * A ReadStore that keeps documents and checkpoints in memory until `flush`, for a rebuild: a
 * document that several pages change is written once, every new document goes in a large bulk
 * insert, and checkpoints are saved after the documents they cover (at-least-once, idempotent
 * by position, as the runner's batches are).
 */
export class BufferedReadStore implements ReadStore {
  private readonly collections = new Map<string, BufferedCollection<Document>>();
  private readonly checkpoints = new Map<string, number>();

  constructor(private readonly inner: ReadStore) {}

  /** Documents held, over every collection. */
  get size(): number {
    let held = 0;
    for (const collection of this.collections.values()) held += collection.size;
    return held;
  }

  /** Documents held of collections never read back by id (an append-only audit log). */
  get writeOnlySize(): number {
    let held = 0;
    for (const collection of this.collections.values())
      if (!collection.readBack) held += collection.size;
    return held;
  }

  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D> {
    let collection = this.collections.get(spec.name);
    if (!collection) {
      // One collection per name, typed by the spec that first names it, as the stores do.
      collection = new BufferedCollection(
        this.inner.collection(spec),
      ) as unknown as BufferedCollection<Document>;
      this.collections.set(spec.name, collection);
    }
    return collection as unknown as DocumentCollection<D>;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? this.inner.getCheckpoint(projection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.checkpoints.set(projection, position);
  }

  /** Nothing reaches the inner store until `flush`, which is its own batch. */
  batch<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  /**
   * Writes the documents of collections never read back by id, and no checkpoint: nothing later
   * changes such documents, and the checkpoints wait for the rest (a crash replays onto them,
   * skipped by position).
   */
  async flushWriteOnly(): Promise<void> {
    await this.inner.batch(async () => {
      for (const collection of this.collections.values())
        if (!collection.readBack) await collection.flush();
    });
  }

  /** Writes every held document, then the checkpoints: one batch of the inner store. */
  async flush(): Promise<void> {
    await this.inner.batch(async () => {
      for (const collection of this.collections.values()) await collection.flush();
      for (const [projection, position] of this.checkpoints)
        await this.inner.setCheckpoint(projection, position);
    });
    this.checkpoints.clear();
  }

  /** The inner store stays open: it is the runner's. */
  async close(): Promise<void> {}
}
