import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { TEST_JWT_SECRET } from './tokens';

/** The compiled service running as a child process, as an operator would run it. */
export interface ServiceProcess {
  readonly baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far (its logs). */
  output(): string;
  /** `kill -9`: no shutdown hook, no flush, no goodbye. */
  crash(): Promise<void>;
  /** SIGTERM, waiting for the graceful shutdown to finish. */
  stop(): Promise<void>;
}

const READY_DEADLINE_MS = 60_000;

/**
 * Starts `node <main>` on a free loopback port and resolves once `/health` answers. With
 * `discardStdout` the logs go to /dev/null instead of memory (benchmarks log millions of lines).
 */
export async function startServiceProcess(
  main: string,
  options: {
    dataDir: string;
    env?: Record<string, string>;
    discardStdout?: boolean;
    /** How long the start may take (60 s by default): a first start on a big store takes longer. */
    readyDeadlineMs?: number;
  },
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const output = () => Buffer.concat(chunks).toString('utf8');
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(baseUrl, child, output, options.readyDeadlineMs ?? READY_DEADLINE_MS);
  return {
    baseUrl,
    output,
    crash: () => terminate(child, 'SIGKILL'),
    stop: () => terminate(child, 'SIGTERM'),
  };
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

async function waitUntilHealthy(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  deadlineMs: number,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited on start:\n${output()}`);
    const healthy = await fetch(`${baseUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await terminate(child, 'SIGKILL');
  throw new Error(`service did not become healthy:\n${output()}`);
}

/** A port the OS just handed out; the tiny window before the service binds it is acceptable here. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
