import { CollectionSpec, Document, DocumentCollection, ReadStore } from '../read-store.port';
import { MemoryCollection } from './memory-collection';

/** The embedded read store (the default): documents in memory, rebuilt from the event store at start-up. */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection<Document>>();
  private readonly checkpoints = new Map<string, number>();

  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D> {
    const existing = this.collections.get(spec.name);
    if (existing) return existing as unknown as DocumentCollection<D>;
    const created = new MemoryCollection<D>(spec);
    // One collection per name: the spec that first names it fixes its document type.
    this.collections.set(spec.name, created as unknown as MemoryCollection<Document>);
    return created;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.checkpoints.set(projection, position);
  }

  /** Nothing to commit: every write is applied as it is made. */
  batch<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async close(): Promise<void> {}
}
