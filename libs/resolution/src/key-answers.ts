import { EffectiveRouting } from '@keyledger/domain';
import { KeyEntry } from './key-entry';
import { PlanCatalog, PlanTier } from './plan-catalog';
import { LimitState, Resolved, ResolvedKey } from './resolve-outcome';
import { RoutingDirectory } from './routing-directory';

/** What every admitted answer for one version of a key shares (its parts frozen: answers hand them out). */
export interface KeyAnswer {
  /** The version of the key it was built for: entries are replaced, never changed, by events. */
  readonly entry: KeyEntry;
  /** The routing directory's version it was built at. */
  readonly routingVersion: number;
  readonly tier: PlanTier;
  readonly key: ResolvedKey;
  readonly routing: EffectiveRouting;
  /**
   * The whole answer of a key without a limit or rate limits: no request changes it, so every
   * request gets this one. Null for other keys, whose limit state is built per request.
   */
  readonly constant: Resolved | null;
}

/** The rate limit states of every key without rate limits. */
export const NO_RATE_LIMITS: Resolved['rate_limits'] = Object.freeze([]);
/** The limit state of every key without a limit: one shared answer instead of one per request. */
export const UNLIMITED: LimitState = Object.freeze({
  limit: null,
  remaining: null,
  reset: null,
  window_end: null,
});

/** How many keys' answers are kept at most: about 300 bytes each, so some 20 MB when full. */
const KEPT_ANSWERS = 1 << 16;

/**
 * The answer parts of recently resolved keys, built on a key's request and again only after an
 * event changed the key (a new entry) or any preference or default changed (a new routing
 * version). The key view, the tier and the routing then cost a request nothing; a key without
 * limits costs no allocation at all. Kept by ledger slot modulo KEPT_ANSWERS, so memory stays
 * bounded however many keys exist, while the keys in use (far fewer, as a rule) stay kept.
 */
export class KeyAnswers {
  private readonly kept = new Array<KeyAnswer | undefined>(KEPT_ANSWERS).fill(undefined);

  constructor(
    private readonly routing: RoutingDirectory,
    private readonly plans: PlanCatalog,
  ) {}

  /** The key's current answer parts. */
  of(key: KeyEntry): KeyAnswer {
    const place = key.slot % KEPT_ANSWERS;
    const known = this.kept[place];
    if (known !== undefined && known.entry === key && known.routingVersion === this.routing.version)
      return known;
    const answer = this.build(key);
    this.kept[place] = answer;
    return answer;
  }

  private build(entry: KeyEntry): KeyAnswer {
    const tier = this.plans.tierFor(entry.plan_tier);
    const key: ResolvedKey = Object.freeze({
      id: entry.id,
      owner_user_id: entry.owner_user_id,
      org_id: entry.org_id,
      scopes: entry.scopes,
      plan_tier: tier.name,
      metadata: entry.metadata,
      external_id: entry.external_id,
    });
    const routing = Object.freeze(this.routing.routingFor(entry));
    const unlimited =
      entry.limit === null && entry.limit_reset === null && entry.rate_limits.length === 0;
    const constant: Resolved | null = unlimited
      ? Object.freeze({
          ok: true,
          key,
          routing,
          limit: UNLIMITED,
          rate_limits: NO_RATE_LIMITS,
          tightest_rate_limit: null,
        })
      : null;
    return { entry, routingVersion: this.routing.version, tier, key, routing, constant };
  }
}
