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
});
