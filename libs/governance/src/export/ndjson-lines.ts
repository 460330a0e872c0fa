/** NDJSON: one JSON document per line, each pulled from `rows` only when the consumer asks for it. */
export async function* ndjsonLines(rows: AsyncIterable<object>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}
