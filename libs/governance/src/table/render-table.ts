import { CellValue, cellText } from '../export/csv-field';

/** A report row: named cells. */
export type TableRow = { readonly [column: string]: CellValue };

const GAP = '  ';

/** What a cell shows: `-` for nothing, and line breaks flattened so that each row stays one line. */
const shown = (value: CellValue): string =>
  value === null || value === undefined ? '-' : cellText(value).replace(/[\r\n\t]+/g, ' ');

/** Width as a terminal counts most characters: one per code point. */
const width = (text: string): number => Array.from(text).length;

const pad = (text: string, size: number, right: boolean): string => {
  const fill = ' '.repeat(size - width(text));
  return right ? fill + text : text + fill;
};

/**
 * A plain-text table for the CLI: a header, a rule, one line per row, numbers right-aligned.
 * Columns default to the first row's fields; with no rows, the table says so.
 */
export function renderTable(
  rows: readonly TableRow[],
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
): string {
  if (columns.length === 0) return '(no rows)\n';
  const cells = rows.map((row) => columns.map((column) => shown(row[column])));
  const numeric = columns.map(
    (column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'),
  );
  const widths = columns.map((column, i) =>
    Math.max(width(column), ...cells.map((line) => width(line[i]))),
  );
  const line = (texts: readonly string[]): string =>
    texts
      .map((text, i) => pad(text, widths[i], numeric[i]))
      .join(GAP)
      .trimEnd();
  const body = rows.length === 0 ? ['(no rows)'] : cells.map(line);
  return [line(columns), widths.map((w) => '-'.repeat(w)).join(GAP), ...body].join('\n') + '\n';
}
