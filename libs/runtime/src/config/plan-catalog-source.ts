import { readFileSync } from 'node:fs';
import { PlanCatalogConfig } from '@keyledger/resolution';

/**
 * The catalog used when PLANS_FILE is not set: one tier that may call every model with no
 * request caps, so a fresh install refuses nothing on plan grounds until tiers are configured.
 */
export const OPEN_PLAN_CATALOG: PlanCatalogConfig = {
  default_tier: 'default',
  tiers: { default: { models: ['*'] } },
};

/** The plan catalog as configured: the JSON file's content, or the open catalog. */
export function planCatalogSource(plansFile: string | null): unknown {
  if (plansFile === null) return OPEN_PLAN_CATALOG;
  try {
    return JSON.parse(readFileSync(plansFile, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${plansFile}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
