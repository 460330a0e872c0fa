import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../test/support/service-process';

/** A floor server (bench/floors/) running in a child process of its own. */
export interface FloorProcess {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `node <script>` on a free loopback port; resolves once it prints `ready`. */
export async function startFloorProcess(script: string): Promise<FloorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
