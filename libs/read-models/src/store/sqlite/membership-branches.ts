import {
  CollectionSpec,
  Document,
  DocumentFilter,
  FieldCondition,
  Scalar,
  Where,
} from '../read-store.port';

/** Most values a membership is split into; a longer list stays one query with IN. */
const MOST_BRANCHES = 32;

/**
 * The conditions as several queries, one per value of a membership on a field that leads one
 * of the collection's list indexes (`audience in [user:…, org:…]`): each then reads its index
 * range in order, where one IN query would sort every match. The conditions alone otherwise.
 */
export function splitMembership<D extends Document>(
  where: Where<D>,
  spec: CollectionSpec<D>,
): Where<D>[] {
  const conditions: Readonly<Record<string, FieldCondition<Scalar> | undefined>> = where;
  const leading = new Set<string>(
    spec.indexes.filter((index) => !index.unique).map((index) => index.fields[0]),
  );
  for (const [field, condition] of Object.entries(conditions)) {
    if (condition === null || typeof condition !== 'object' || !leading.has(field)) continue;
    const values = [...new Set(condition.in)];
    if (values.length > MOST_BRANCHES) continue;
    return values.map((value) => ({ ...where, [field]: value }));
  }
  return [where];
}

/**
 * A filter as queries that each read one index range in order: one per alternative of `anyOf`,
 * each split by `splitMembership`. Their pages, merged, are the filter's page.
 */
export function queryBranches<D extends Document>(
  filter: DocumentFilter<D>,
  spec: CollectionSpec<D>,
): DocumentFilter<D>[] {
  const alternatives = filter.anyOf ?? [{}];
  return alternatives.flatMap((alternative) =>
    splitMembership(filter.where ?? {}, spec).flatMap((where) =>
      splitMembership(alternative, spec).map((split) => ({ ...filter, where, anyOf: [split] })),
    ),
  );
}
