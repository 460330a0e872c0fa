import type { Collection, Db, MongoClient } from 'mongodb';
import { CollectionSpec, Document, DocumentCollection, ReadStore } from '../read-store.port';
import { StoredDocument } from './mongo-document';
import { MongoCollection } from './mongo-collection';

/** Where the MongoDB read store keeps its collections. */
export interface MongoReadStoreOptions {
  /** The database; the connection string's when omitted. */
  readonly database?: string;
  /** Put before every collection name, so several deployments can share a database. */
  readonly prefix?: string;
}

interface CheckpointDocument {
  readonly _id: string;
  readonly position: number;
}

/** The production read store: one MongoDB collection per read model, checkpoints beside them. */
export class MongoReadStore implements ReadStore {
  private readonly collections = new Map<string, MongoCollection<Document>>();
  private readonly checkpoints: Collection<CheckpointDocument>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly prefix: string,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(`${prefix}projection_checkpoints`);
  }

  /**
   * Connects to the server at `url`; `close()` disconnects. The driver is loaded here, not with
   * the module: a service on the embedded stores never loads it (~2% of a restart's CPU).
   */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const driver = await import('mongodb');
    const client = await driver.MongoClient.connect(url);
    return new MongoReadStore(client, client.db(options.database), options.prefix ?? '');
  }

  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D> {
    const existing = this.collections.get(spec.name);
    if (existing) return existing as unknown as DocumentCollection<D>;
    const created = new MongoCollection<D>(
      this.db.collection<StoredDocument>(`${this.prefix}${spec.name}`),
      spec,
    );
    // One collection per name: the spec that first names it fixes its document type.
    this.collections.set(spec.name, created as unknown as MongoCollection<Document>);
    return created;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return (await this.checkpoints.findOne({ _id: projection }))?.position ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    await this.checkpoints.replaceOne({ _id: projection }, { position }, { upsert: true });
  }

  /** No transaction (FerretDB 1.x has none): idempotent writes make a cut-short batch harmless. */
  batch<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
