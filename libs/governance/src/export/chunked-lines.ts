/** Characters gathered before a chunk is handed on. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Lines gathered into chunks of about 64 KiB: a streamed download then costs one stream push and
 * socket write per chunk instead of per line, while memory stays flat.
 */
export async function* chunkedLines(
  lines: AsyncIterable<string>,
  chunkChars = CHUNK_CHARS,
): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length < chunkChars) continue;
    yield chunk;
    chunk = '';
  }
  if (chunk !== '') yield chunk;
}
