import { z } from 'zod';
import { modelMatcher } from './model-pattern';
import { RequestCaps } from './request-caps';

const cap = z.number().int().positive().nullable().default(null);

const tierSchema = z
  .object({
    /** Model name globs the tier may call; `*` allows every model. */
    models: z.array(z.string().min(1).max(256)),
    requests_per_minute: cap,
    requests_per_hour: cap,
    requests_per_day: cap,
  })
  .strict();

const catalogSchema = z
  .object({
    /** The tier of keys whose own tier is null or not in the catalog. */
    default_tier: z.string().min(1),
    tiers: z.record(z.string().min(1), tierSchema),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    if (!Object.hasOwn(catalog.tiers, catalog.default_tier)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default_tier'],
        message: `names no tier of the catalog (${Object.keys(catalog.tiers).join(', ') || 'none'})`,
      });
    }
  });

/** The catalog as configured (JSON): tier name → model patterns and per-user request caps. */
export type PlanCatalogConfig = z.input<typeof catalogSchema>;

/** One tier, ready for request time. */
export interface PlanTier {
  readonly name: string;
  readonly allowsModel: (model: string) => boolean;
  readonly caps: RequestCaps;
}

/** Thrown by loadPlanCatalog; the message names every problem. */
export class PlanCatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid plan catalog:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanCatalogError';
  }
}

/** The plan tiers: which models each may call and how many requests its users may make. */
export class PlanCatalog {
  private constructor(
    private readonly tiers: ReadonlyMap<string, PlanTier>,
    private readonly defaultTier: PlanTier,
  ) {}

  /** Validates a configured catalog (e.g. parsed JSON) and compiles its patterns; throws PlanCatalogError. */
  static load(config: unknown): PlanCatalog {
    const parsed = catalogSchema.safeParse(config);
    if (!parsed.success) {
      throw new PlanCatalogError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    const tiers = new Map<string, PlanTier>(
      Object.entries(parsed.data.tiers).map(([name, tier]) => [
        name,
        {
          name,
          allowsModel: modelMatcher(tier.models),
          caps: {
            minute: tier.requests_per_minute,
            hour: tier.requests_per_hour,
            day: tier.requests_per_day,
          },
        },
      ]),
    );
    const defaultTier = tiers.get(parsed.data.default_tier);
    // The schema refused an unknown default tier already; this narrows the type.
    if (defaultTier === undefined) throw new PlanCatalogError(['default_tier: missing']);
    return new PlanCatalog(tiers, defaultTier);
  }

  /** The key's tier, or the default tier when the key has none or one the catalog lacks. */
  tierFor(name: string | null): PlanTier {
    return (name === null ? undefined : this.tiers.get(name)) ?? this.defaultTier;
  }
}
