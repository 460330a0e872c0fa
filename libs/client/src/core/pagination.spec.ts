import { PageResponse, paginate } from './pagination';

/** A page as the service would answer it. */
const page = (data: number[], next_cursor: string | null): PageResponse<number> => ({
  data,
  next_cursor,
  status: 200,
  etag: null,
  revision: null,
  position: null,
  headers: new Headers(),
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('paginate', () => {
  it('follows next_cursor until it is null, yielding every item in order', async () => {
    const pages: Record<string, PageResponse<number>> = {
      first: page([1, 2], 'c1'),
      c1: page([3, 4], 'c2'),
      c2: page([5], null),
    };
    const asked: (string | undefined)[] = [];
    const items = await collect(
      paginate(async (cursor) => {
        asked.push(cursor);
        return pages[cursor ?? 'first'];
      }),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'c1', 'c2']);
  });

  it('fetches a page only when the previous one is used up', async () => {
    let fetched = 0;
    const items = paginate(async (cursor) => {
      fetched++;
      return cursor === undefined ? page([1, 2], 'next') : page([3], null);
    });
    for await (const item of items) if (item === 1) break;
    expect(fetched).toBe(1);
  });

  it('ends after an empty first page', async () => {
    expect(await collect(paginate(async () => page([], null)))).toEqual([]);
  });

  it('throws on a cursor that comes back unchanged instead of looping', async () => {
    const items = paginate(async () => page([1], 'same'));
    await expect(collect(items)).rejects.toThrow('cursor same');
  });
});
