import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` whose bytes contain any of the needles. */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      hits.push(...filesContaining(path, needles));
      continue;
    }
    const bytes = readFileSync(path);
    if (needles.some((needle) => bytes.includes(Buffer.from(needle)))) hits.push(path);
  }
  return hits;
}
