import { z } from 'zod';
import { ConfigError } from '@keyledger/runtime';

/** The projector's own settings; the stores come from the API's configuration (`loadConfig`). */
const settingsSchema = z
  .object({
    PROJECTOR_LAG_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    PROJECTOR_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  })
  .transform((env) => ({
    lagIntervalMs: env.PROJECTOR_LAG_INTERVAL_MS,
    batchSize: env.PROJECTOR_BATCH_SIZE,
  }));

export type ProjectorSettings = z.output<typeof settingsSchema>;

/** Reads and validates the projector's settings; a bad one throws `ConfigError` naming it. */
export function loadProjectorSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProjectorSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return parsed.data;
}
