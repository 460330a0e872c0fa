import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A million entries take seconds on a busy machine; this bounds a hang, it times nothing. */
const PATIENCE_MS = 180_000;
const SCRIPT = join(__dirname, '..', 'testing', 'export-lead.script.ts');

// The heavy proof of flat memory, kept out of the fast unit run: a formatter holding its input
// would pull a million entries ahead of its output; a streaming one pulls an entry only to write
// its line. It runs in a fresh process (see the script for why).
describe('audit export over a million entries', () => {
  it(
    'streams CSV and NDJSON, never pulling an entry ahead of the line it writes',
    async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT], {
        cwd: join(__dirname, '..', '..', '..', '..'),
        maxBuffer: 1 << 20,
      });
      expect(JSON.parse(stdout)).toEqual({
        csv: { lines: 1_000_001, lead: 0 },
        ndjson: { lines: 1_000_000, lead: 0 },
      });
    },
    PATIENCE_MS,
  );
});
