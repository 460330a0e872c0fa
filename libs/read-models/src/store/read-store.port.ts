/** Every read-model document is keyed by a string id. */
export interface Document {
  readonly id: string;
}

/** A value the stores can compare: what filters, sorts, indexes and cursors work on. */
export type Scalar = string | number | boolean | null;

/** The names of a document's fields that hold a single scalar (arrays and objects excluded). */
export type ScalarField<D> = {
  [K in keyof D & string]-?: D[K] extends Scalar ? K : never;
}[keyof D & string];

/** Equality with a value, or membership in a list of values. */
export type FieldCondition<V extends Scalar = Scalar> = V | { readonly in: readonly V[] };

/** Conditions on scalar fields, all of which must hold. A missing field counts as null. */
export type Where<D> = { readonly [K in ScalarField<D>]?: FieldCondition<D[K] & Scalar> };

/** Which documents a query selects. */
export interface DocumentFilter<D> {
  readonly where?: Where<D>;
  /**
   * Alternatives, one of which must hold as well as `where` (none given: no further condition;
   * an empty list matches nothing). Stores read each as its own indexed query.
   */
  readonly anyOf?: readonly Where<D>[];
  /**
   * Case-insensitive substring match on one of the collection's `searchable` fields; the text is
   * literal, not a pattern.
   */
  readonly contains?: { readonly field: ScalarField<D>; readonly text: string };
  /**
   * The field holds a value of the given type at most `value` (text compares by code unit, as
   * ISO-8601 times order); null and missing never are. Meant for text and numbers: SQLite keeps
   * booleans as 1 and 0, so do not bound a boolean field with a number.
   */
  readonly atMost?: { readonly field: ScalarField<D>; readonly value: string | number };
}

/** How many matching documents hold one combination of values of the grouped fields. */
export interface GroupCount {
  /** The values, in the order the fields were named; null for a missing field. */
  readonly values: readonly Scalar[];
  readonly count: number;
}

/** One sort key; nulls come first in ascending order, as MongoDB orders them. */
export interface SortKey<D> {
  readonly field: ScalarField<D>;
  readonly direction: 'asc' | 'desc';
}

/** One or two sort keys. The id always breaks ties (in the last key's direction), so the order is total. */
export type SortOrder<D> = readonly [SortKey<D>] | readonly [SortKey<D>, SortKey<D>];

/** A page request with keyset pagination. */
export interface FindQuery<D> extends DocumentFilter<D> {
  readonly sort: SortOrder<D>;
  readonly limit: number;
  /** The `next_cursor` of the previous page with the same filter and sort; opaque. */
  readonly cursor?: string | null;
}

/** Every matching document, in the requested order, read for a few of its fields. */
export interface SelectQuery<D> extends DocumentFilter<D> {
  readonly sort: SortOrder<D>;
}

/** A document's id and the values of the selected fields; a missing field reads as null. */
export type Selected<D extends Document, F extends ScalarField<D>> = {
  readonly [K in F | 'id']-?: Exclude<D[K], undefined> | (undefined extends D[K] ? null : never);
};

/** One page of documents; `next_cursor` is null on the last page. */
export interface Page<D> {
  readonly items: readonly D[];
  readonly next_cursor: string | null;
}

/** A document with the global position of the last event applied to it. */
export interface Positioned<D> {
  readonly document: D;
  readonly position: number;
}

/** The documents of positioned entries, by id (what `getMany` answers from `getPositioned`). */
export function documentsOf<D>(
  positioned: ReadonlyMap<string, Positioned<D>>,
): ReadonlyMap<string, D> {
  return new Map([...positioned].map(([id, entry]) => [id, entry.document]));
}

/**
 * The state a document reaches with the event at `position`; a null document deletes it.
 * A delete is not remembered: projections that must never resurrect a document keep it with a
 * flag (`revoked`, `deleted`) instead.
 */
export interface DocumentWrite<D> {
  readonly id: string;
  readonly document: D | null;
  readonly position: number;
}

/** An index: a unique single field (e.g. a secret hash), or a compound list-filter + sort order. */
export interface IndexSpec<D> {
  readonly fields: readonly [ScalarField<D>, ...ScalarField<D>[]];
  /** Unique fields must always hold a value: stores differ on whether nulls collide. */
  readonly unique?: boolean;
  /**
   * Fields a list query also filters on: carried in the index entries after the id (not part of
   * its order), so those filters are checked on the index before any document is read.
   */
  readonly include?: readonly ScalarField<D>[];
}

/** A read model's collection: its name and indexes, and (as a type) its documents. */
export interface CollectionSpec<D extends Document> {
  readonly name: string;
  readonly indexes: readonly IndexSpec<D>[];
  /**
   * The fields `contains` searches. Stores keep a case-folded copy of each in every compound
   * index, so a search inside an index's range reads index entries, not documents.
   */
  readonly searchable?: readonly ScalarField<D>[];
  /**
   * The fields holding booleans. SQLite keeps them as 1 and 0 in its indexes, and `select` reads
   * values from index entries: this is how it gives them back as booleans.
   */
  readonly booleans?: readonly ScalarField<D>[];
}

/** One read model's documents. */
export interface DocumentCollection<D extends Document> {
  /** The document with this id, or null. */
  get(id: string): Promise<D | null>;
  /** The documents with these ids that exist, by id. */
  getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>>;
  /** The documents with these ids and the positions they were written at: what projections fold from. */
  getPositioned(ids: readonly string[]): Promise<ReadonlyMap<string, Positioned<D>>>;
  /** The first document, in id order, that meets the conditions (use an indexed field). */
  findOne(where: Where<D>): Promise<D | null>;
  /** A page of the matching documents in the requested order. */
  find(query: FindQuery<D>): Promise<Page<D>>;
  /** How many documents match. */
  count(filter?: DocumentFilter<D>): Promise<number>;
  /**
   * How many matching documents hold each combination of values of `fields`, counted by the
   * store (SQL GROUP BY, an aggregation pipeline), never by reading the documents out. In no
   * particular order; combinations no document holds are absent.
   */
  countGroups(
    filter: DocumentFilter<D>,
    fields: readonly [ScalarField<D>, ...ScalarField<D>[]],
  ): Promise<GroupCount[]>;
  /**
   * The id and `fields` of every matching document, in the query's order, in batches of at most
   * `batchSize`: what a report reads when it lists many documents but needs few of their fields.
   * Where an index carries every field the query filters, sorts and selects on, the store reads
   * its entries alone, no document (SQLite: a covering index; MongoDB: a projection).
   */
  select<F extends ScalarField<D>>(
    query: SelectQuery<D>,
    fields: readonly F[],
    batchSize: number,
  ): AsyncIterable<readonly Selected<D, F>[]>;
  /**
   * Every document, in batches of at most `batchSize`, in an order of the store's choosing: a
   * whole-collection read (a model loading its snapshot) without the sort and cursor of `find`.
   * Each document present throughout is read once; one written meanwhile may or may not be.
   */
  scan(batchSize: number): AsyncIterable<readonly D[]>;
  /**
   * Applies each write whose position is newer than the stored document's and ignores the rest,
   * so a redelivered batch changes nothing. A write that would repeat a unique value is refused
   * with `UniqueConstraintError` after the others are applied.
   */
  write(writes: readonly DocumentWrite<D>[]): Promise<void>;
  /** Removes every document (the indexes stay declared). */
  drop(): Promise<void>;
}

/** Where read models live: their collections, and each projection's checkpoint. */
export interface ReadStore {
  /** The collection a spec names, with the spec's indexes in place. */
  collection<D extends Document>(spec: CollectionSpec<D>): DocumentCollection<D>;
  /** The last position a projection has fully applied; 0 when it never ran. */
  getCheckpoint(projection: string): Promise<number>;
  /** Records the last position a projection has fully applied (0 to start over). */
  setCheckpoint(projection: string, position: number): Promise<void>;
  /**
   * Runs one runner batch (its reads, document writes and checkpoint saves) as one unit where the
   * store can: an embedded store commits it once, or not at all when `work` fails.
   */
  batch<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
