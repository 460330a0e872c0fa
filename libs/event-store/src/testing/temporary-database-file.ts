import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database path in a fresh temporary folder, and how to remove the folder. */
export function temporaryDatabaseFile(): { readonly file: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'keyledger-events-'));
  return {
    file: join(dir, 'events.sqlite'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
