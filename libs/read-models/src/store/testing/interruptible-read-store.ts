import {
  CollectionSpec,
  Document,
  DocumentCollection,
  DocumentWrite,
  ReadStore,
} from '../read-store.port';

/** Where a test makes the store fail, the way a crash would interrupt the process. */
export interface Interruption {
  /** Fail the n-th collection write (counting from 1) after applying only the first half of it. */
  readonly midWrite?: number;
  /** Fail the n-th checkpoint save (counting from 1) without saving it. */
  readonly atCheckpoint?: number;
}

/** Thrown where an InterruptibleReadStore was told to fail. */
export class SimulatedCrash extends Error {
  constructor(where: string) {
    super(`simulated crash ${where}`);
    this.name = 'SimulatedCrash';
  }
}

/**
 * A ReadStore over another that fails where told and records the checkpoints it saves: the seam
 * for crash-recovery tests, which then restart on the inner store and compare with a rebuild.
 */
export class InterruptibleReadStore implements ReadStore {
  /** Every checkpoint saved, in order. */
  readonly savedCheckpoints: { readonly projection: string; readonly position: number }[] = [];
  private writes = 0;
  private checkpointSaves = 0;

  constructor(
    private readonly inner: ReadStore,
    private readonly interruption: Interruption = {},
  ) {}

  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D> {
    const inner = this.inner.collection(spec);
    return {
      get: (id) => inner.get(id),
      getMany: (ids) => inner.getMany(ids),
      getPositioned: (ids) => inner.getPositioned(ids),
      findOne: (where) => inner.findOne(where),
      find: (query) => inner.find(query),
      count: (filter) => inner.count(filter),
      countGroups: (filter, fields) => inner.countGroups(filter, fields),
      select: (query, fields, batchSize) => inner.select(query, fields, batchSize),
      scan: (batchSize) => inner.scan(batchSize),
      drop: () => inner.drop(),
      write: (writes) => this.write(inner, writes),
    };
  }

  private async write<D extends Document>(
    inner: DocumentCollection<D>,
    writes: readonly DocumentWrite<D>[],
  ): Promise<void> {
    if (++this.writes !== this.interruption.midWrite) return inner.write(writes);
    await inner.write(writes.slice(0, Math.ceil(writes.length / 2)));
    throw new SimulatedCrash(`in write ${this.writes}`);
  }

  getCheckpoint(projection: string): Promise<number> {
    return this.inner.getCheckpoint(projection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    if (++this.checkpointSaves === this.interruption.atCheckpoint)
      throw new SimulatedCrash(`at checkpoint save ${this.checkpointSaves}`);
    await this.inner.setCheckpoint(projection, position);
    this.savedCheckpoints.push({ projection, position });
  }

  batch<T>(work: () => Promise<T>): Promise<T> {
    return this.inner.batch(work);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
