/** Every read-model document has a string id. */
export interface Document {
  readonly id: string;
}

export type Scalar = string | number | boolean | null;

/** Equality on a field, or membership in a list of values. */
export type FieldCondition = Scalar | { readonly in: readonly Scalar[] };

/** A page request: conditions ANDed, an optional case-insensitive substring, one sort field. */
export interface FindQuery {
  readonly where?: Readonly<Record<string, FieldCondition>>;
  readonly contains?: { readonly field: string; readonly text: string };
  /** Sorted by this field, then by id, so the order is total and stable. */
  readonly sort: { readonly field: string; readonly direction: 'asc' | 'desc' };
  readonly limit: number;
  /** Opaque: the `next_cursor` of the previous page. */
  readonly cursor?: string | null;
}

export interface Page<D> {
  readonly items: D[];
  readonly next_cursor: string | null;
}

/** A change to one document, made by the event at `position` (null document: delete). */
export interface DocumentWrite<D extends Document> {
  readonly id: string;
  readonly document: D | null;
  readonly position: number;
}

/** A document together with the position of the last event applied to it. */
export interface Positioned<D> {
  readonly document: D;
  readonly position: number;
}

/** Fields to index: unique single fields, and compound (list filter + sort) orders. */
export interface IndexSpec {
  readonly fields: readonly string[];
  readonly unique?: boolean;
}

/** One read model's documents. */
export interface DocumentCollection<D extends Document> {
  get(id: string): Promise<Positioned<D> | null>;
  getMany(ids: readonly string[]): Promise<Map<string, Positioned<D>>>;
  /** The document whose (indexed) field equals the value. */
  findOne(field: string, value: Scalar): Promise<D | null>;
  find(query: FindQuery): Promise<Page<D>>;
  count(where?: FindQuery['where']): Promise<number>;
  /** Every document, in id order, without holding them all in memory. */
  scan(): AsyncIterable<D>;
  /** Applies writes whose position is newer than the document's; older ones are ignored. */
  write(writes: readonly DocumentWrite<D>[]): Promise<void>;
  drop(): Promise<void>;
}

/** Where read models live: collections, and each projection's checkpoint. */
export interface ReadStore {
  collection<D extends Document>(name: string, indexes?: readonly IndexSpec[]): DocumentCollection<D>;
  getCheckpoint(projection: string): Promise<number>;
  setCheckpoint(projection: string, position: number): Promise<void>;
  close(): Promise<void>;
}
