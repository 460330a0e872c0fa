import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** One key of an import file, as `POST /api/v1/keys/import` takes it (the service checks it). */
export type ImportedKeyItem = Readonly<Record<string, unknown>>;

/** A file the CLI cannot read keys from: which, and why (exit 2). */
export class ImportFileError extends Error {}

/** Most keys one import call takes (the route refuses more). */
export const MAX_IMPORT_BATCH = 1000;

/** The keys of an import file, and the `origin` it names (null: none). */
export interface ImportFile {
  readonly origin: string | null;
  /** The keys in batches of at most `size`, in the file's order. */
  batches(size: number): AsyncGenerator<readonly ImportedKeyItem[]>;
}

/**
 * `.ndjson` / `.jsonl`: one key object a line, read as a stream (a migration of millions of keys
 * is never whole in memory). `.json`: an array of keys, or `{ "keys": [...], "origin": "…" }` as
 * the route takes it. A file that is missing, of another kind or not JSON is an ImportFileError.
 */
export async function openImportFile(file: string): Promise<ImportFile> {
  const kind = extname(file).toLowerCase();
  if (kind === '.json') return jsonFile(file);
  if (kind === '.ndjson' || kind === '.jsonl') return ndjsonFile(file);
  throw new ImportFileError(`${file}: expected a .ndjson, .jsonl or .json file`);
}

async function jsonFile(file: string): Promise<ImportFile> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error);
  });
  const content = parsed(text, file) as { keys?: unknown; origin?: unknown } | null;
  const keys = Array.isArray(content) ? (content as unknown[]) : content?.keys;
  if (!Array.isArray(keys)) {
    throw new ImportFileError(`${file}: expected an array of keys or { "keys": [...] }`);
  }
  const items = keys.map((key, i) => keyAt(key, `${file}: keys[${i}]`));
  return {
    origin: typeof content?.origin === 'string' ? content.origin : null,
    batches: (size) => inBatches(items, size),
  };
}

async function ndjsonFile(file: string): Promise<ImportFile> {
  // Opened now, so that a missing file is refused before anything is sent.
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error);
  });
  async function* lines(): AsyncGenerator<ImportedKeyItem> {
    try {
      let number = 0;
      for await (const line of handle.readLines({ encoding: 'utf8' })) {
        number++;
        if (line.trim() !== '') yield keyAt(parsed(line, `${file}:${number}`), `${file}:${number}`);
      }
    } finally {
      await handle.close();
    }
  }
  return { origin: null, batches: (size) => inBatches(lines(), size) };
}

async function* inBatches(
  keys: Iterable<ImportedKeyItem> | AsyncIterable<ImportedKeyItem>,
  size: number,
): AsyncGenerator<readonly ImportedKeyItem[]> {
  let batch: ImportedKeyItem[] = [];
  for await (const key of keys) {
    batch.push(key);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const unreadable = (file: string, error: NodeJS.ErrnoException): ImportFileError =>
  new ImportFileError(`${file}: ${error.code ?? error.message}`);

function parsed(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImportFileError(`${where}: not valid JSON`);
  }
}

function keyAt(value: unknown, where: string): ImportedKeyItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportFileError(`${where}: a key must be a JSON object`);
  }
  return value as ImportedKeyItem;
}
