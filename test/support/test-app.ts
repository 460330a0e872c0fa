import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';

export const TEST_JWT_SECRET = 'e2e-test-secret-0123456789-0123456789-abcdef';

export interface OrgClaim {
  readonly id: string;
  readonly permissions?: readonly string[];
}

/** A running keyledger on a loopback port with its own data directory. */
export interface TestApp {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  /** A session token for a user, signed like the identity provider would. */
  token(
    sub: string,
    options?: {
      orgs?: readonly OrgClaim[];
      activeOrg?: string | null;
      plan?: string;
      expiresIn?: string | number;
      secret?: string;
    },
  ): Promise<string>;
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
    token: (sub, claims = {}) => {
      const orgs = (claims.orgs ?? []).map((org) => ({
        id: org.id,
        permissions: org.permissions ?? [],
      }));
      return new SignJWT({
        org_id: claims.activeOrg === undefined ? orgs[0]?.id : claims.activeOrg,
        orgs,
        ...(claims.plan ? { plan: claims.plan } : {}),
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setExpirationTime(claims.expiresIn ?? '10m')
        .sign(new TextEncoder().encode(claims.secret ?? TEST_JWT_SECRET));
    },
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
