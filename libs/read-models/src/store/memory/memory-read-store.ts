import { decodeCursor, encodeCursor } from '../cursor';
import {
  Document,
  DocumentCollection,
  DocumentWrite,
  FieldCondition,
  FindQuery,
  IndexSpec,
  Page,
  Positioned,
  ReadStore,
  Scalar,
} from '../read-store.port';

/** Thrown when a write would give two documents the same value of a unique field. */
export class UniqueIndexViolation extends Error {
  constructor(collection: string, field: string) {
    super(`${collection}: duplicate value for unique field ${field}`);
    this.name = 'UniqueIndexViolation';
  }
}

const fieldOf = (document: Document, field: string): Scalar => {
  const value = (document as unknown as Record<string, unknown>)[field];
  return value === undefined ? null : (value as Scalar);
};

function satisfies(value: Scalar, condition: FieldCondition): boolean {
  if (condition !== null && typeof condition === 'object') return condition.in.includes(value);
  return value === condition;
}

/** Orders like MongoDB for the values we sort on: null first, then numbers, strings, booleans. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}

class MemoryCollection<D extends Document> implements DocumentCollection<D> {
  private readonly documents = new Map<string, Positioned<D>>();
  /** Unique field -> value -> document id: lookups by secret hash stay O(1) at a million keys. */
  private readonly unique = new Map<string, Map<Scalar, string>>();

  constructor(
    private readonly name: string,
    indexes: readonly IndexSpec[],
  ) {
    for (const index of indexes) if (index.unique) this.unique.set(index.fields[0], new Map());
  }

  async get(id: string): Promise<Positioned<D> | null> {
    return this.documents.get(id) ?? null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Positioned<D>>> {
    const found = new Map<string, Positioned<D>>();
    for (const id of ids) {
      const entry = this.documents.get(id);
      if (entry) found.set(id, entry);
    }
    return found;
  }

  async findOne(field: string, value: Scalar): Promise<D | null> {
    const index = this.unique.get(field);
    if (index) {
      const id = index.get(value);
      return id === undefined ? null : (this.documents.get(id)?.document ?? null);
    }
    for (const { document } of this.documents.values()) if (fieldOf(document, field) === value) return document;
    return null;
  }

  private matching(query: Pick<FindQuery, 'where' | 'contains'>): D[] {
    const conditions = Object.entries(query.where ?? {});
    const needle = query.contains?.text.toLowerCase();
    const matches: D[] = [];
    for (const { document } of this.documents.values()) {
      if (!conditions.every(([field, condition]) => satisfies(fieldOf(document, field), condition))) continue;
      if (needle !== undefined) {
        const haystack = fieldOf(document, query.contains!.field);
        if (typeof haystack !== 'string' || !haystack.toLowerCase().includes(needle)) continue;
      }
      matches.push(document);
    }
    return matches;
  }

  async find(query: FindQuery): Promise<Page<D>> {
    const { field, direction } = query.sort;
    const sign = direction === 'asc' ? 1 : -1;
    const order = (a: D, b: D): number =>
      sign * (compareScalars(fieldOf(a, field), fieldOf(b, field)) || compareScalars(a.id, b.id));
    let sorted = this.matching(query).sort(order);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const marker = { id: after.id, [field]: after.value } as unknown as D;
      sorted = sorted.filter((document) => order(document, marker) > 0);
    }
    const items = sorted.slice(0, query.limit);
    const last = items[items.length - 1];
    const next_cursor = sorted.length > query.limit && last ? encodeCursor({ value: fieldOf(last, field), id: last.id }) : null;
    return { items, next_cursor };
  }

  async count(where?: FindQuery['where']): Promise<number> {
    return this.matching({ where }).length;
  }

  async *scan(): AsyncIterable<D> {
    const ids = [...this.documents.keys()].sort();
    for (const id of ids) {
      const entry = this.documents.get(id);
      if (entry) yield entry.document;
    }
  }

  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    for (const write of writes) {
      const current = this.documents.get(write.id);
      if (current && current.position >= write.position) continue;
      if (write.document !== null) this.assertUnique(write.document);
      if (current) this.unindex(current.document);
      if (write.document === null) {
        this.documents.delete(write.id);
        continue;
      }
      this.documents.set(write.id, { document: write.document, position: write.position });
      for (const [field, index] of this.unique) {
        const value = fieldOf(write.document, field);
        if (value !== null) index.set(value, write.id);
      }
    }
  }

  private assertUnique(document: D): void {
    for (const [field, index] of this.unique) {
      const value = fieldOf(document, field);
      const holder = value === null ? undefined : index.get(value);
      if (holder !== undefined && holder !== document.id) throw new UniqueIndexViolation(this.name, field);
    }
  }

  private unindex(document: D): void {
    for (const [field, index] of this.unique) {
      const value = fieldOf(document, field);
      if (value !== null && index.get(value) === document.id) index.delete(value);
    }
  }

  async drop(): Promise<void> {
    this.documents.clear();
    for (const index of this.unique.values()) index.clear();
  }
}

/** The embedded read store: documents in memory, rebuilt from the event store at start-up. */
export class MemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, MemoryCollection<Document>>();
  private readonly checkpoints = new Map<string, number>();

  collection<D extends Document>(name: string, indexes: readonly IndexSpec[] = []): DocumentCollection<D> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MemoryCollection<Document>(name, indexes);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<D>;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.checkpoints.get(projection) ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.checkpoints.set(projection, position);
  }

  async close(): Promise<void> {}
}
