import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '@keyledger/runtime';
import { signUserToken, TEST_JWT_SECRET, TokenOptions } from './tokens';

export { TEST_JWT_SECRET, type OrgClaim } from './tokens';

/** A running keyledger on a loopback port with its own data directory. */
export interface TestApp {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  /** A session token for a user, signed like the identity provider would. */
  token(sub: string, options?: TokenOptions): Promise<string>;
  /** Stops the app; with `keepData` the data directory survives for a restart. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts the real app (embedded default) for end-to-end tests. */
export async function startTestApp(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keyledger-e2e-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataDir,
    app,
    token: signUserToken,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
