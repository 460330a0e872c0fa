import { z } from 'zod';
import { PlanCatalog } from './plan-catalog';

const settingsSchema = z
  .object({
    /** The prefix of every secret (`rk_`); anything else is refused before hashing. */
    secretPrefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/, 'must be 1-16 characters of A-Z a-z 0-9 _ -')
      .default('rk_'),
    /** The HMAC pepper secrets are hashed with (null: plain SHA-256), as at key creation. */
    pepper: z.string().min(16, 'must be at least 16 characters').nullable().default(null),
    /** How often counted usage is appended as events. */
    flushIntervalMs: z.number().int().min(10).max(60_000).default(1_000),
    /** Credits each admitted, unreported request holds against its key's limit. */
    reservationCredits: z.number().min(0).max(1e12).default(0.05),
    /** A key's holds lapse when it admitted nothing for this long (a lost usage report). */
    reservationTtlMs: z.number().int().min(1_000).default(600_000),
    /** The plan tier catalog (see PlanCatalog.load). */
    plans: z.unknown(),
  })
  .strict();

/** Settings as given, e.g. from the environment and a JSON file: only `plans` is required. */
export type ResolutionSettingsInput = z.input<typeof settingsSchema>;

/** Validated settings of request-time resolution. */
export interface ResolutionSettings {
  readonly secretPrefix: string;
  readonly pepper: string | null;
  readonly flushIntervalMs: number;
  readonly reservationCredits: number;
  readonly reservationTtlMs: number;
  readonly plans: PlanCatalog;
}

/** Thrown by resolutionSettings; the message names every problem. */
export class ResolutionSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid resolution settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ResolutionSettingsError';
  }
}

/** Validates settings at start-up and loads the plan catalog; throws ResolutionSettingsError or PlanCatalogError. */
export function resolutionSettings(input: ResolutionSettingsInput): ResolutionSettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ResolutionSettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return { ...parsed.data, plans: PlanCatalog.load(parsed.data.plans) };
}
