import { PlanCatalog, PlanCatalogConfig, PlanCatalogError } from './plan-catalog';

const config: PlanCatalogConfig = {
  default_tier: 'free',
  tiers: {
    free: { models: ['*-free'], requests_per_minute: 20, requests_per_day: 200 },
    max: { models: ['*'] },
  },
};

const problemsOf = (value: unknown): readonly string[] => {
  try {
    PlanCatalog.load(value);
  } catch (error) {
    if (error instanceof PlanCatalogError) return error.problems;
  }
  return [];
};

describe('PlanCatalog', () => {
  it('reads each tier: its models and its caps (absent caps uncapped)', () => {
    const free = PlanCatalog.load(config).tierFor('free');
    expect(free.name).toBe('free');
    expect(free.allowsModel('meta/llama-3-free')).toBe(true);
    expect(free.allowsModel('openai/gpt-4o')).toBe(false);
    expect(free.caps).toEqual({ minute: 20, hour: null, day: 200 });
  });

  it('gives keys without a tier, or with one it lacks, the default tier', () => {
    const catalog = PlanCatalog.load(config);
    expect(catalog.tierFor(null).name).toBe('free');
    expect(catalog.tierFor('enterprise').name).toBe('free');
    expect(catalog.tierFor('max').name).toBe('max');
  });

  it('refuses a default tier that is not in the catalog', () => {
    expect(problemsOf({ ...config, default_tier: 'gold' })).toEqual([
      'default_tier: names no tier of the catalog (free, max)',
    ]);
  });

  it('names every malformed field', () => {
    const problems = problemsOf({
      default_tier: 'free',
      tiers: { free: { models: 'all', requests_per_minute: 0, burst: 1 } },
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining(['tiers.free.models', 'tiers.free.requests_per_minute', 'tiers.free']),
    );
  });

  it('refuses what is not a catalog at all', () => {
    expect(problemsOf(null)).toHaveLength(1);
  });
});
