/** One benchmark figure per column. */
export type BenchRow = Readonly<Record<string, string | number>>;

/** A titled table of rows, as a benchmark returns it. */
export interface BenchTable {
  readonly title: string;
  readonly rows: readonly BenchRow[];
}

/** The table as aligned text: numbers right-aligned, text left-aligned, columns in first-seen order. */
export function formatTable({ title, rows }: BenchTable): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: BenchRow, column: string): string => String(row[column] ?? '');
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row, column).length)),
  );
  const line = (cells: readonly string[], numeric: readonly boolean[]): string =>
    cells
      .map((text, i) => (numeric[i] ? text.padStart(widths[i]) : text.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const header = line(
    columns,
    columns.map(() => false),
  );
  const body = rows.map((row) =>
    line(
      columns.map((column) => cell(row, column)),
      columns.map((column) => typeof row[column] === 'number'),
    ),
  );
  return [title, header, widths.map((width) => '-'.repeat(width)).join('  '), ...body].join('\n');
}

/** Prints tables one after another. */
export function printTables(tables: readonly BenchTable[]): void {
  console.log(tables.map(formatTable).join('\n\n'));
}
