import { sortPoint } from './sort-point';

interface Row {
  readonly id: string;
  readonly group: string;
  readonly due: number | null;
}

describe('sortPoint', () => {
  it('takes the sort values in key order, and the id', () => {
    const sort = [
      { field: 'due', direction: 'desc' },
      { field: 'group', direction: 'asc' },
    ] as const;
    expect(sortPoint<Row>({ id: 'x', group: 'g', due: 3 }, sort)).toEqual({
      values: [3, 'g'],
      id: 'x',
    });
  });

  it('reads a missing field as null', () => {
    expect(sortPoint({ id: 'x' } as Row, [{ field: 'due', direction: 'asc' }])).toEqual({
      values: [null],
      id: 'x',
    });
  });
});
