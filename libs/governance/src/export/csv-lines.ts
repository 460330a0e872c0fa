import { CellValue, csvField } from './csv-field';

/** Lines end in CRLF, as RFC 4180 says and spreadsheet tools expect. */
const CRLF = '\r\n';

/**
 * CSV lines, one header line then one line per row, each pulled from `rows` only when the
 * consumer asks for it: memory stays flat however long the input.
 */
export async function* csvLines<
  Row extends { readonly [C in Column]: CellValue },
  Column extends string,
>(rows: AsyncIterable<Row>, columns: readonly Column[]): AsyncGenerator<string> {
  yield columns.map(csvField).join(',') + CRLF;
  for await (const row of rows)
    yield columns.map((column) => csvField(row[column])).join(',') + CRLF;
}
