/** One page of a cursor-paginated listing, as the canonical `ListKeysQuery` answers. */
export interface CursorPage<T> {
  readonly data: readonly T[];
  readonly next_cursor: string | null;
}

/** How many keys OpenRouter's `GET /keys` answers at most. */
export const OPENROUTER_PAGE_SIZE = 100;

/**
 * The `size` items that follow the first `offset` of a cursor-paginated listing, fetched page by
 * page: OpenRouter pages by offset, keyledger by cursor. The work grows with the offset, and is
 * bounded by how many keys the caller can see.
 */
export async function offsetPage<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  offset: number,
  size: number,
): Promise<T[]> {
  const items: T[] = [];
  let skip = offset;
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.data.slice(skip, skip + size - items.length));
    skip = Math.max(0, skip - page.data.length);
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined && items.length < size);
  return items;
}
