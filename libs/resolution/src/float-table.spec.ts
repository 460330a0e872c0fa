import { FloatTable } from './float-table';

describe('FloatTable', () => {
  it('reads zeros where nothing was written', () => {
    expect(new FloatTable(3).get(5_000, 2)).toBe(0);
  });

  it('keeps every row while it grows', () => {
    const table = new FloatTable(2);
    for (let row = 0; row < 5_000; row++) table.set(row, 1, row + 0.5);
    table.add(4_999, 1, 1);
    expect(table.get(0, 1)).toBe(0.5);
    expect(table.get(1_023, 1)).toBe(1_023.5);
    expect(table.get(4_999, 1)).toBe(5_000.5);
    expect(table.get(4_999, 0)).toBe(0);
  });

  it('copies a row out, on a table sized for one row', () => {
    const table = new FloatTable(3, 1);
    table.set(0, 1, 2.5);
    table.set(3, 0, 1);
    expect(table.row(0)).toEqual([0, 2.5, 0]);
    expect(table.row(3)).toEqual([1, 0, 0]);
    expect(table.row(7)).toEqual([0, 0, 0]);
  });
});
