import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KEY_FORMATS, LEAKED_KEY_ACTIONS } from '@keyledger/domain';
import { parseCidrList } from '@keyledger/network';
import { AUDIT_TREE_FILE } from '@keyledger/audit-tree';
import { PlanCatalog } from '@keyledger/resolution';
import { planCatalogSource } from './plan-catalog-source';

/** The development JWT secret: good enough to try the service, never for production. */
export const DEV_JWT_SECRET = 'keyledger-dev-secret-change-me-0123456789';

const optionalUrl = z.string().url().optional();

/** The development webhook server key: anyone can derive signing secrets from it (never in production). */
export const DEV_WEBHOOK_SECRET_KEY = 'keyledger-dev-webhook-key-change-me-0123456789';

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Every setting the service reads, validated at start-up; unknown variables are ignored. */
const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_JWKS_URL: optionalUrl,
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/, 'must be 1-16 characters of A-Z a-z 0-9 _ -')
      .default('rk_'),
    KEY_HASH_PEPPER: z.string().min(16, 'must be at least 16 characters').optional(),
    // `checksummed` appends a CRC-32 to new secrets; resolve accepts both shapes either way.
    KEY_FORMAT: z.enum(KEY_FORMATS).default('plain'),
    // What a confirmed leak report does where the key's org policy does not say.
    LEAKED_KEY_ACTION: z.enum(LEAKED_KEY_ACTIONS).default('disable'),
    // GitHub's secret-scanning public keys (the JSON of api.github.com/meta/public_keys/secret_scanning).
    SECRET_SCANNING_PUBLIC_KEYS_FILE: z
      .string()
      .min(1)
      .optional()
      .refine((file) => file === undefined || existsSync(file), 'no such file'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // Whose X-Forwarded-For is believed (client addresses drive the auth-failure throttle):
    // `false`, `true`, a hop count, or addresses / CIDRs / loopback, linklocal, uniquelocal.
    TRUST_PROXY: z
      .string()
      .regex(
        /^(true|false|\d{1,2}|[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)$/,
        'must be true, false, a hop count, or a comma-separated list of addresses or CIDRs',
      )
      .default('loopback'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
    EVENTSTORE_URL: z
      .string()
      .regex(/^(esdb|esdb\+discover|kurrentdb):\/\//, 'must be an esdb:// connection string')
      .optional(),
    READ_STORE: z.enum(['sqlite', 'mongo', 'memory']).default('sqlite'),
    MONGO_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// connection string')
      .optional(),
    READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(0).max(30_000).default(2_000),
    OPENROUTER_PREFIX: z
      .string()
      .regex(
        /^(\/[A-Za-z0-9._~-]+)+$/,
        'must be a path such as /openrouter/api/v1 (segments of A-Z a-z 0-9 . _ ~ -, no trailing /)',
      )
      // The canonical routes live there: an OpenRouter /keys would shadow /api/v1/keys.
      .refine((prefix) => prefix !== '/api/v1', 'must not be /api/v1, the canonical API')
      .default('/openrouter/api/v1'),
    WEBHOOKS: z.enum(['on', 'off']).default('on'),
    WEBHOOK_SECRET_KEY: z
      .string()
      .min(32, 'must be at least 32 characters')
      .default(DEV_WEBHOOK_SECRET_KEY),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(16),
    WEBHOOK_RETRY_BASE_MS: milliseconds(10, 86_400_000, 10_000),
    WEBHOOK_RETRY_MAX_MS: milliseconds(10, 86_400_000, 3_600_000),
    WEBHOOK_TIMEOUT_MS: milliseconds(100, 120_000, 10_000),
    // Private and internal webhook targets are refused (SSRF) unless a block here allows them.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z
      .string()
      .default('')
      .transform((text, ctx) => {
        try {
          return parseCidrList(text);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a comma-separated list of CIDR blocks: ${(error as Error).message}`,
          });
          return z.NEVER;
        }
      }),
    PROJECTIONS: z.enum(['embedded', 'external']).default('embedded'),
    METRICS: z.enum(['on', 'off']).default('on'),
    // Read and checked here, so a bad catalog stops the start with the others' messages.
    PLANS_FILE: z
      .string()
      .min(1)
      .optional()
      .transform((file, ctx) => {
        try {
          const source = planCatalogSource(file ?? null);
          PlanCatalog.load(source);
          return source;
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    // PKCS#8 PEM of the Ed25519 key that signs audit tree heads; without it, a development key.
    AUDIT_SIGNING_KEY_FILE: z
      .string()
      .min(1)
      .optional()
      .refine((file) => file === undefined || existsSync(file), 'no such file'),
    AUDIT_TREE_HEAD_EVERY: z.coerce.number().int().min(1).max(10_000_000).default(1_000),
    AUDIT_TREE_HEAD_MS: milliseconds(10, 86_400_000, 10_000),
    USAGE_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    USAGE_RESERVATION_CREDITS: z.coerce.number().min(0).max(1e12).default(0.05),
    // How long hourly usage buckets are kept (daily ones always are).
    ANALYTICS_HOURLY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    // The built console (`npm run build` writes it there), relative to the working directory.
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    CONSOLE_OIDC_ISSUER: optionalUrl,
    CONSOLE_OIDC_CLIENT_ID: z.string().min(1).max(256).optional(),
    CONSOLE_OIDC_SCOPE: z.string().min(1).max(512).default('openid'),
    /** Shares keys' rate limits across instances; unset: each instance counts its own. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
    REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'esdb' && !env.EVENTSTORE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_URL'],
        message: 'is required when EVENT_STORE=esdb',
      });
    }
    if (env.PROJECTIONS === 'external' && env.READ_STORE === 'memory') {
      ctx.addIssue({
        code: 'custom',
        path: ['PROJECTIONS'],
        message:
          'external needs a shared read store (READ_STORE=sqlite or mongo): memory lives in this process',
      });
    }
    if (env.READ_STORE === 'mongo' && !env.MONGO_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MONGO_URL'],
        message: 'is required when READ_STORE=mongo',
      });
    }
    if (Boolean(env.CONSOLE_OIDC_ISSUER) !== Boolean(env.CONSOLE_OIDC_CLIENT_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.CONSOLE_OIDC_ISSUER ? 'CONSOLE_OIDC_CLIENT_ID' : 'CONSOLE_OIDC_ISSUER'],
        message: 'CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together',
      });
    }
    // The console signs in at the issuer; the API must be able to verify what it hands over.
    if (env.CONSOLE_OIDC_ISSUER && !env.JWT_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_JWKS_URL'],
        message:
          "is required with CONSOLE_OIDC_ISSUER: the issuer's jwks_uri, to verify its tokens",
      });
    }
    if (env.WEBHOOK_RETRY_MAX_MS < env.WEBHOOK_RETRY_BASE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_RETRY_MAX_MS'],
        message: 'must not be less than WEBHOOK_RETRY_BASE_MS',
      });
    }
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    jwt: {
      secret: env.JWT_SECRET,
      usesDevSecret: env.JWT_SECRET === DEV_JWT_SECRET,
      jwksUrl: env.JWT_JWKS_URL ?? null,
      issuer: env.JWT_ISSUER ?? null,
      audience: env.JWT_AUDIENCE ?? null,
    },
    keyPrefix: env.KEY_PREFIX,
    keyHashPepper: env.KEY_HASH_PEPPER ?? null,
    keyFormat: env.KEY_FORMAT,
    leaks: {
      action: env.LEAKED_KEY_ACTION,
      /** null: the GitHub secret-scanning route refuses every report (401), having no key to verify with. */
      githubPublicKeysFile: env.SECRET_SCANNING_PUBLIC_KEYS_FILE ?? null,
    },
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    eventStore:
      env.EVENT_STORE === 'esdb'
        ? { kind: 'esdb' as const, url: env.EVENTSTORE_URL ?? '' }
        : { kind: 'sqlite' as const, file: join(env.DATA_DIR, 'events.sqlite') },
    readStore: readStoreSetting(env.READ_STORE, env.DATA_DIR, env.MONGO_URL),
    readYourWritesTimeoutMs: env.READ_YOUR_WRITES_TIMEOUT_MS,
    /** Where the OpenRouter-compatible key management routes are mounted. */
    openRouterPrefix: env.OPENROUTER_PREFIX,
    webhooks: {
      /** Whether this process runs the delivery worker (the management API is always there). */
      worker: env.WEBHOOKS === 'on',
      ledgerFile: join(env.DATA_DIR, 'webhooks.sqlite'),
      secretKey: env.WEBHOOK_SECRET_KEY,
      usesDevSecretKey: env.WEBHOOK_SECRET_KEY === DEV_WEBHOOK_SECRET_KEY,
      retry: {
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
        baseDelayMs: env.WEBHOOK_RETRY_BASE_MS,
        maxDelayMs: env.WEBHOOK_RETRY_MAX_MS,
      },
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      /** CIDR blocks of private addresses webhooks may still target (local development). */
      allowedPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    },
    /** `external`: a separate projector (apps/projector) keeps the shared read store current. */
    projections: env.PROJECTIONS,
    /** Whether `/metrics` (Prometheus) is served. */
    metrics: env.METRICS === 'on',
    console: {
      dir: env.CONSOLE_DIR,
      /** Sign-in at an OpenID Connect issuer (authorization code + PKCE); null: token paste only. */
      oidc:
        env.CONSOLE_OIDC_ISSUER && env.CONSOLE_OIDC_CLIENT_ID
          ? {
              issuer: env.CONSOLE_OIDC_ISSUER,
              clientId: env.CONSOLE_OIDC_CLIENT_ID,
              scope: env.CONSOLE_OIDC_SCOPE,
            }
          : null,
    },
    auditTree: {
      file: join(env.DATA_DIR, AUDIT_TREE_FILE),
      signingKeyFile: env.AUDIT_SIGNING_KEY_FILE ?? null,
      heads: { every: env.AUDIT_TREE_HEAD_EVERY, intervalMs: env.AUDIT_TREE_HEAD_MS },
    },
    resolution: {
      /** The plan catalog, as JSON (checked by PlanCatalog.load). */
      plans: env.PLANS_FILE,
      flushIntervalMs: env.USAGE_FLUSH_INTERVAL_MS,
      reservationCredits: env.USAGE_RESERVATION_CREDITS,
    },
    /** Usage analytics: hourly buckets are kept this long before the newest usage. */
    analytics: { hourlyRetentionDays: env.ANALYTICS_HOURLY_RETENTION_DAYS },
    /** Where rate limits are shared (null: per instance), and how long a request waits for it. */
    rateLimits: { redisUrl: env.REDIS_URL ?? null, redisTimeoutMs: env.REDIS_TIMEOUT_MS },
  }));

export type AppConfig = z.output<typeof configSchema>;

/** Which read store to open: the SQLite file in DATA_DIR by default. */
function readStoreSetting(kind: 'sqlite' | 'mongo' | 'memory', dataDir: string, url?: string) {
  if (kind === 'mongo') return { kind, url: url ?? '' };
  if (kind === 'memory') return { kind };
  return { kind, file: join(dataDir, 'read-models.sqlite') };
}

/** TRUST_PROXY as Fastify's `trustProxy` takes it. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Thrown when the environment holds a bad setting; the message names each one. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AppConfig {
  const emptyAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(emptyAsUnset);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
