import { decodeCursor, encodeCursor } from '../cursor';
import {
  CollectionSpec,
  Document,
  DocumentCollection,
  DocumentFilter,
  DocumentWrite,
  FieldCondition,
  FindQuery,
  GroupCount,
  Page,
  documentsOf,
  Positioned,
  Scalar,
  ScalarField,
  Selected,
  SelectQuery,
  Where,
} from '../read-store.port';
import { fieldValue, sortPoint } from '../sort-point';
import { UniqueConstraintError } from '../unique-constraint-error';
import { documentMatches } from './document-filter';
import { compareScalars, compareSortPoints } from '../document-order';
import { MemoryFieldIndex } from './memory-field-index';

/** One read model's documents in a map, with an equality index on the first field of each declared index. */
export class MemoryCollection<D extends Document> implements DocumentCollection<D> {
  private readonly documents = new Map<string, Positioned<D>>();
  private readonly indexes: readonly MemoryFieldIndex<D>[];

  constructor(private readonly spec: CollectionSpec<D>) {
    const uniqueByField = new Map<ScalarField<D>, boolean>();
    for (const { fields, unique } of spec.indexes) {
      uniqueByField.set(fields[0], (uniqueByField.get(fields[0]) ?? false) || unique === true);
    }
    this.indexes = [...uniqueByField].map(([field, unique]) => new MemoryFieldIndex(field, unique));
  }

  async get(id: string): Promise<D | null> {
    return this.documents.get(id)?.document ?? null;
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    return documentsOf(await this.getPositioned(ids));
  }

  async getPositioned(ids: readonly string[]): Promise<ReadonlyMap<string, Positioned<D>>> {
    const found = new Map<string, Positioned<D>>();
    for (const id of ids) {
      const entry = this.documents.get(id);
      if (entry) found.set(id, entry);
    }
    return found;
  }

  async findOne(where: Where<D>): Promise<D | null> {
    const matches = this.matching({ where }).sort((a, b) => compareScalars(a.id, b.id));
    return matches[0] ?? null;
  }

  async find(query: FindQuery<D>): Promise<Page<D>> {
    const { sort, limit } = query;
    let points = this.matching(query).map((document) => ({
      document,
      point: sortPoint(document, sort),
    }));
    if (query.cursor) {
      const after = decodeCursor(query.cursor, sort.length);
      points = points.filter(({ point }) => compareSortPoints(sort, point, after) > 0);
    }
    points.sort((a, b) => compareSortPoints(sort, a.point, b.point));
    const page = points.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ document }) => document),
      next_cursor: points.length > limit && last ? encodeCursor(last.point) : null,
    };
  }

  async count(filter: DocumentFilter<D> = {}): Promise<number> {
    return this.matching(filter).length;
  }

  async countGroups(
    filter: DocumentFilter<D>,
    fields: readonly [ScalarField<D>, ...ScalarField<D>[]],
  ): Promise<GroupCount[]> {
    const groups = new Map<string, GroupCount>();
    for (const document of this.matching(filter)) {
      const values = fields.map((field) => fieldValue(document, field));
      const key = JSON.stringify(values);
      groups.set(key, { values, count: (groups.get(key)?.count ?? 0) + 1 });
    }
    return [...groups.values()];
  }

  async *select<F extends ScalarField<D>>(
    query: SelectQuery<D>,
    fields: readonly F[],
    batchSize: number,
  ): AsyncIterable<readonly Selected<D, F>[]> {
    const { sort } = query;
    const matches = this.matching(query).sort((a, b) =>
      compareSortPoints(sort, sortPoint(a, sort), sortPoint(b, sort)),
    );
    const pick = (document: D) =>
      Object.fromEntries([
        ['id', document.id],
        ...fields.map((field) => [field, fieldValue(document, field)]),
      ]) as Selected<D, F>;
    for (let from = 0; from < matches.length; from += batchSize)
      yield matches.slice(from, from + batchSize).map(pick);
  }

  async *scan(batchSize: number): AsyncIterable<readonly D[]> {
    const documents = [...this.documents.values()].map(({ document }) => document);
    for (let from = 0; from < documents.length; from += batchSize)
      yield documents.slice(from, from + batchSize);
  }

  async write(writes: readonly DocumentWrite<D>[]): Promise<void> {
    let refused: string | null = null;
    for (const write of writes) {
      const current = this.documents.get(write.id);
      if (current && current.position >= write.position) continue;
      const next = write.document;
      if (next && this.indexes.some((index) => index.conflicts(next))) {
        refused ??= write.id;
        continue;
      }
      if (current) for (const index of this.indexes) index.remove(current.document);
      if (next === null) {
        this.documents.delete(write.id);
        continue;
      }
      this.documents.set(write.id, { document: next, position: write.position });
      for (const index of this.indexes) index.add(next);
    }
    if (refused !== null) throw new UniqueConstraintError(this.spec.name, refused);
  }

  async drop(): Promise<void> {
    this.documents.clear();
    for (const index of this.indexes) index.clear();
  }

  private matching(filter: DocumentFilter<D>): D[] {
    return this.candidates(filter.where ?? {}).filter((document) =>
      documentMatches(document, filter),
    );
  }

  /** The documents an index narrows the conditions to, or every document when none applies. */
  private candidates(where: Where<D>): D[] {
    const conditions: Partial<Record<string, FieldCondition<Scalar>>> = where;
    const index = this.indexes.find(({ field }) => conditions[field] !== undefined);
    const condition = index && conditions[index.field];
    if (!index || condition === undefined)
      return [...this.documents.values()].map(({ document }) => document);
    const values = condition !== null && typeof condition === 'object' ? condition.in : [condition];
    const ids = new Set(values.flatMap((value) => [...index.lookup(value)]));
    return [...ids].flatMap((id) => this.documents.get(id)?.document ?? []);
  }
}
