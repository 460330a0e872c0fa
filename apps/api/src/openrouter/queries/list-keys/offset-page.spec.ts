import { CursorPage, offsetPage } from './offset-page';

/** A cursor-paginated listing of 0…total-1 in pages of `pageSize`, counting the pages fetched. */
function listing(total: number, pageSize: number) {
  const fetched: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<CursorPage<number>> => {
    fetched.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const data = Array.from({ length: Math.min(pageSize, total - start) }, (_, i) => start + i);
    const next = start + pageSize;
    return { data, next_cursor: next < total ? String(next) : null };
  };
  return { fetchPage, fetched };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('offsetPage', () => {
  it('answers the first page from the first fetch', async () => {
    const { fetchPage, fetched } = listing(500, 200);
    expect(await offsetPage(fetchPage, 0, 100)).toEqual(range(0, 100));
    expect(fetched).toEqual([undefined]);
  });

  it('skips the offset across pages, and joins items from two pages', async () => {
    const { fetchPage, fetched } = listing(500, 200);
    expect(await offsetPage(fetchPage, 150, 100)).toEqual(range(150, 250));
    expect(fetched).toEqual([undefined, '200']);
    expect(await offsetPage(listing(500, 200).fetchPage, 430, 100)).toEqual(range(430, 500));
  });

  it('answers a short last page, and nothing past the end', async () => {
    expect(await offsetPage(listing(230, 200).fetchPage, 200, 100)).toEqual(range(200, 230));
    expect(await offsetPage(listing(230, 200).fetchPage, 230, 100)).toEqual([]);
    expect(await offsetPage(listing(0, 200).fetchPage, 0, 100)).toEqual([]);
  });

  it('agrees with slicing the whole listing, whatever the page sizes', async () => {
    for (const [total, pageSize, offset] of [
      [7, 3, 2],
      [7, 1, 6],
      [10, 4, 4],
      [5, 10, 9],
    ]) {
      const all = range(0, total);
      expect(await offsetPage(listing(total, pageSize).fetchPage, offset, 3)).toEqual(
        all.slice(offset, offset + 3),
      );
    }
  });
});
