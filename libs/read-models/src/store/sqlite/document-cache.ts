import { Document } from '../read-store.port';

/** Freezes a parsed JSON value and everything in it: a cached document is shared by every reader. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parsed documents by id, each valid only at the position it was written at: a page reads its
 * ids and positions from the table and takes the documents held at those positions, so a page
 * read again reads and parses no document. A write moves a document's position, so a stale
 * entry is never returned, whichever process wrote. The least recently used go first.
 */
export class DocumentCache<D extends Document> {
  private readonly entries = new Map<string, { document: D; position: number }>();

  constructor(private readonly capacity: number) {}

  /** The document held for `id` at exactly `position`. */
  at(id: string, position: number): D | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.position !== position) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.document;
  }

  /** Keeps a freshly parsed document (frozen) and returns it. */
  keep(document: D, position: number): D {
    this.entries.delete(document.id);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(document.id, { document: deepFreeze(document), position });
    return document;
  }

  clear(): void {
    this.entries.clear();
  }
}
