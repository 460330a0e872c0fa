import { sortPoint } from './sort-point';
import { compareScalars, compareSortPoints } from './document-order';

interface Row {
  readonly id: string;
  readonly group: string;
  readonly due: number | null;
}

describe('document order', () => {
  it('orders scalars by type first, as MongoDB does: null, numbers, strings, booleans', () => {
    const values = [true, 'b', 2, null, 'a', false, -1];
    expect([...values].sort(compareScalars)).toEqual([null, -1, 2, 'a', 'b', false, true]);
  });

  it('sorts on two keys in their own directions, then by id in the last direction', () => {
    const rows: Row[] = [
      { id: 'a', group: 'x', due: 2 },
      { id: 'b', group: 'y', due: null },
      { id: 'c', group: 'x', due: 2 },
      { id: 'd', group: 'x', due: null },
    ];
    const sort = [
      { field: 'group', direction: 'asc' },
      { field: 'due', direction: 'desc' },
    ] as const;
    const sorted = [...rows].sort((a, b) =>
      compareSortPoints(sort, sortPoint(a, sort), sortPoint(b, sort)),
    );
    expect(sorted.map((row) => row.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});
