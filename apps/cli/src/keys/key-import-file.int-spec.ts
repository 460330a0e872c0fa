import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportedKeyItem, ImportFileError, openImportFile } from './key-import-file';

describe('openImportFile on real files', () => {
  let dir: string;
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const batchesOf = async (path: string, size: number): Promise<ImportedKeyItem[][]> => {
    const batches: ImportedKeyItem[][] = [];
    for await (const batch of (await openImportFile(path)).batches(size)) batches.push([...batch]);
    return batches;
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'key-import-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads NDJSON a key a line, skipping blank lines, in batches in the file order', async () => {
    const path = file('k.ndjson', '{"name":"a"}\n\n{"name":"b"}\r\n{"name":"c"}');
    expect(await batchesOf(path, 2)).toEqual([[{ name: 'a' }, { name: 'b' }], [{ name: 'c' }]]);
    expect((await openImportFile(path)).origin).toBeNull();
  });

  it('reads a JSON array, or the route’s envelope with its origin', async () => {
    expect(await batchesOf(file('a.json', '[{"name":"a"}]'), 1000)).toEqual([[{ name: 'a' }]]);
    const envelope = file('e.json', '{"origin":"openrouter","keys":[{"name":"a"},{"name":"b"}]}');
    expect((await openImportFile(envelope)).origin).toBe('openrouter');
    expect(await batchesOf(envelope, 1)).toEqual([[{ name: 'a' }], [{ name: 'b' }]]);
  });

  it.each([
    ['k.csv', 'name\na', 'expected a .ndjson, .jsonl or .json file'],
    ['k.json', '{"name":"a"}', 'expected an array of keys or { "keys": [...] }'],
    ['k.json', '[1]', 'keys[0]: a key must be a JSON object'],
    ['k.jsonl', '{"name":"a"}\n[]', 'k.jsonl:2: a key must be a JSON object'],
    ['k.ndjson', '{"name":', 'k.ndjson:1: not valid JSON'],
  ])('refuses %s holding %j: %s', async (name, content, message) => {
    await expect(batchesOf(file(name, content), 10)).rejects.toThrow(
      expect.objectContaining({
        constructor: ImportFileError,
        message: expect.stringContaining(message),
      }),
    );
  });

  it('refuses a missing file before anything is read', async () => {
    await expect(openImportFile(join(dir, 'none.ndjson'))).rejects.toThrow(/none\.ndjson: ENOENT/);
  });
});
