/** A value a CSV or table cell can hold; objects (an event's payload) are written as JSON. */
export type CellValue = string | number | boolean | null | undefined | object;

/** Characters that force a CSV field into quotes (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/** The text of a cell: empty for null, JSON for objects, the value itself otherwise. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
export function csvField(value: CellValue): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
