const INITIAL_ROWS = 1024;

/**
 * Rows of numbers in one growable Float64Array: per-key counters cost 8 bytes a number instead of
 * a boxed heap number and an object per key. Rows never written read as zeros.
 */
export class FloatTable {
  private values: Float64Array;
  private capacity: number;

  /** `initialRows` only sizes the first allocation: the table grows as rows are written. */
  constructor(
    private readonly columns: number,
    initialRows = INITIAL_ROWS,
  ) {
    this.capacity = Math.max(1, initialRows);
    this.values = new Float64Array(this.capacity * columns);
  }

  /** The number at `row`, `column`; 0 for a row never written. */
  get(row: number, column: number): number {
    return row < this.capacity ? this.values[row * this.columns + column] : 0;
  }

  /** Writes one number, growing the table to hold `row`. */
  set(row: number, column: number, value: number): void {
    if (row >= this.capacity) this.grow(row);
    this.values[row * this.columns + column] = value;
  }

  /** Adds to one number, growing the table to hold `row`. */
  add(row: number, column: number, amount: number): void {
    if (row >= this.capacity) this.grow(row);
    this.values[row * this.columns + column] += amount;
  }

  /** A copy of one row's numbers (zeros for a row never written). */
  row(row: number): number[] {
    return Array.from({ length: this.columns }, (_, column) => this.get(row, column));
  }

  /** Doubling keeps the copying amortised to a constant per row. */
  private grow(row: number): void {
    let capacity = this.capacity;
    while (capacity <= row) capacity *= 2;
    const values = new Float64Array(capacity * this.columns);
    values.set(this.values);
    this.values = values;
    this.capacity = capacity;
  }
}
