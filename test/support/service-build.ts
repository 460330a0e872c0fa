import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** A private build: `dist/` belongs to `npm run build`, and the tests must not race other builds. */
const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'keyledger-service-build');
const STAMP = join(BUILD_DIR, 'built-at');
const MAIN = join(BUILD_DIR, 'apps', 'api', 'src', 'main.js');
const SOURCES = ['apps', 'libs'].map((dir) => join(ROOT, dir));

/**
 * The compiled service entry point, built with the project's own `tsc` + `tsc-alias` steps when
 * any source file is newer than the last build. Type errors do not stop the build (tsc still
 * emits; `npm run lint` is where types are judged): these tests judge the running service.
 */
export function ensureServiceBuild(): string {
  if (isFresh()) return MAIN;
  const staging = `${BUILD_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  compile(staging);
  writeFileSync(join(staging, 'built-at'), new Date().toISOString());
  // Another test worker may have finished first and be running its build: leave that one be.
  if (!isFresh()) {
    // Swapped in whole, so nothing ever starts from a half-written build.
    rmSync(BUILD_DIR, { recursive: true, force: true });
    renameSync(staging, BUILD_DIR);
  }
  rmSync(staging, { recursive: true, force: true });
  return MAIN;
}

const isFresh = (): boolean => existsSync(STAMP) && newestSourceChange() < statSync(STAMP).mtimeMs;

function compile(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  const project = ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir];
  try {
    execFileSync(bin('tsc'), project, { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(join(outDir, 'apps', 'api', 'src', 'main.js'))) throw error;
  }
  execFileSync(bin('tsc-alias'), project, { cwd: ROOT, stdio: 'pipe' });
}

function newestSourceChange(): number {
  const walk = (path: string): number =>
    statSync(path).isDirectory()
      ? Math.max(0, ...readdirSync(path).map((name) => walk(join(path, name))))
      : statSync(path).mtimeMs;
  return Math.max(...SOURCES.map(walk));
}
