import { ApiResponse } from './api-response';

/** One page of a list: `data` holds its items, `next_cursor` asks for the next one. */
export type PageResponse<T> = ApiResponse<readonly T[]> & { readonly next_cursor: string | null };

/** Fetches the page a cursor names (undefined: the first page). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<PageResponse<T>>;

/**
 * Every item of every page, fetching each page only when the previous one is used up. A cursor
 * that comes back unchanged would loop forever: it throws instead.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    if (page.next_cursor !== null && page.next_cursor === cursor) {
      throw new Error(`the service answered cursor ${cursor} with itself`);
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}
