import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServiceProcess, ServiceProcess } from '../test/support/service-process';
import { signUserToken } from '../test/support/tokens';

/** The bench key's secret, kept beside the data it was created in (a throwaway bench directory). */
const SERVING_KEY = 'bench-serving-key';
const RESOLVE_BODY = '{"model":"openai/gpt-4o","scope":"completions"}';
const POLL_MS = 20;

/** What a restart took until it served: `/health`, then a real key resolving, from the spawn. */
export interface RestartServing {
  readonly service: ServiceProcess;
  readonly healthSeconds: number;
  readonly resolveSeconds: number;
}

/**
 * A key whose secret is known, made once through the API in the data directory (the generated
 * histories store hashes of secrets nobody holds): what a restart must resolve to be serving.
 */
export async function servingKey(
  main: string,
  dir: string,
  env: Record<string, string>,
): Promise<string> {
  const file = join(dir, SERVING_KEY);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const service = await startServiceProcess(main, {
    dataDir: dir,
    env,
    discardStdout: true,
    readyDeadlineMs: 30 * 60_000,
  });
  try {
    const token = await signUserToken('user_restart_bench', { expiresIn: '1h' });
    const created = await fetch(`${service.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'restart bench', scopes: ['completions'] }),
    });
    if (created.status !== 201)
      throw new Error(`creating the bench key answered ${created.status}`);
    const { secret } = (await created.json()) as { secret: string };
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } finally {
    await service.stop();
  }
}

/**
 * Spawns the service on an existing data directory and times it until `/health` answers and
 * until `secret` resolves (200), polling both every 20 ms.
 */
export async function restartServing(
  main: string,
  dir: string,
  env: Record<string, string>,
  secret: string,
): Promise<RestartServing> {
  const started = Date.now();
  const service = await startServiceProcess(main, { dataDir: dir, env, discardStdout: true });
  const healthSeconds = (Date.now() - started) / 1000;
  for (;;) {
    const response = await fetch(`${service.baseUrl}/api/v1/resolve`, {
      method: 'POST',
      headers: { 'x-api-key': secret, 'content-type': 'application/json' },
      body: RESOLVE_BODY,
    });
    await response.arrayBuffer();
    if (response.status === 200) break;
    if (response.status !== 503) {
      await service.stop();
      throw new Error(`the bench key's resolve answered ${response.status} after the restart`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { service, healthSeconds, resolveSeconds: (Date.now() - started) / 1000 };
}
