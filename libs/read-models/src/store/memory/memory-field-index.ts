import { Document, Scalar, ScalarField } from '../read-store.port';
import { fieldValue } from '../sort-point';

/** Document ids by the value of one field: equality lookups and unique checks without a scan. */
export class MemoryFieldIndex<D extends Document> {
  private readonly ids = new Map<Scalar, Set<string>>();

  constructor(
    readonly field: ScalarField<D>,
    readonly unique: boolean,
  ) {}

  /** Whether storing the document would give its unique value to a second document. */
  conflicts(document: D): boolean {
    const value = fieldValue(document, this.field);
    if (!this.unique || value === null) return false;
    return [...this.lookup(value)].some((id) => id !== document.id);
  }

  /** Records the document's value. */
  add(document: D): void {
    const value = fieldValue(document, this.field);
    const ids = this.ids.get(value) ?? new Set<string>();
    ids.add(document.id);
    this.ids.set(value, ids);
  }

  /** Forgets the document's value. */
  remove(document: D): void {
    const value = fieldValue(document, this.field);
    const ids = this.ids.get(value);
    ids?.delete(document.id);
    if (ids?.size === 0) this.ids.delete(value);
  }

  /** The ids of the documents holding the value. */
  lookup(value: Scalar): ReadonlySet<string> {
    return this.ids.get(value) ?? new Set<string>();
  }

  /** Forgets every value. */
  clear(): void {
    this.ids.clear();
  }
}
