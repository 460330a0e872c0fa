import { ReportCell, ReportRow } from '@keyledger/client';

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
const field = (value: ReportCell | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A report as CSV: a header line of its columns, then one line per row, CRLF line ends. */
export function reportCsv(columns: readonly string[], rows: readonly ReportRow[]): string {
  return [columns, ...rows.map((row) => columns.map((column) => row[column]))]
    .map((line) => line.map((value) => field(value as ReportCell)).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}
