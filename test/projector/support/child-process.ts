import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A process started from one of the repository's entry points, with its output kept. */
export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything written so far to stdout and stderr. */
  readonly output: () => { readonly stdout: string; readonly stderr: string };
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: string | null }>;
  /** Resolves once stdout matches, rejects after `timeoutMs` naming what was seen instead. */
  waitForStdout(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

/**
 * Runs a TypeScript entry point (relative to the repository) with tsx loaded into node itself:
 * the tsx command would run it in a grandchild that a kill -9 of the child leaves running.
 * The projector and the CLI use no Nest DI, so tsx's missing decorator metadata does not matter.
 */
export function runEntryPoint(
  entry: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const watcher of [...watchers]) watcher();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitForStdout: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = stdout.match(pattern);
          if (!match) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(
            new Error(
              `no ${pattern} within ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          );
        }, timeoutMs);
        watchers.add(check);
        check();
      }),
  };
}

/** Runs an entry point to its end. */
export async function runToEnd(
  entry: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> {
  const running = runEntryPoint(entry, args, env);
  const { code } = await running.exited;
  return { code, ...running.output() };
}
