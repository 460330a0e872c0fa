import { compliesWithPolicy, secondsUntil, validate } from '@keyledger/domain';
import { checkUsageReport } from '@keyledger/domain/usage/usage-report';
import { toCredits, toNanos } from './credits';
import { KeyAnswer, KeyAnswers, NO_RATE_LIMITS, UNLIMITED } from './key-answers';
import { KeyEntry } from './key-entry';
import { PendingUsage } from './pending-usage';
import { PlanTier } from './plan-catalog';
import { LocalRateLimiter } from './local-rate-limiter';
import { RateLimitCheck, RateLimiter } from './rate-limiter';
import { INVALID_API_KEY, Refusal, refuse } from './refusal';
import { Reservations } from './reservations';
import { ResolutionModel } from './resolution-model';
import { ResolutionSettings } from './resolution-settings';
import { SecretLookup } from './secret-lookup';
import {
  LimitState,
  Resolved,
  ResolveOutcome,
  ResolveRequest,
  UsageOutcome,
  UsageRequest,
} from './resolve-outcome';
import { UsageAmounts, UsageFigures } from './usage-ledger';

/** A key's reported usage and its limit state. */
export interface KeyUsage extends UsageFigures {
  readonly key_id: string;
  readonly limit: LimitState;
}

const DEFAULT_SCOPE = 'completions';
/** `management` administers keys; it never authorises inference traffic (SPEC §1). */
const MANAGEMENT_SCOPE = 'management';
/** Credit held by requests in flight frees up as soon as they report: try again shortly. */
const IN_FLIGHT_RETRY_SECONDS = 1;
const ONE_REQUEST: UsageAmounts = { requests: 1, cost: 0, byok_cost: 0 };

const KEY_DISABLED = refuse('key_disabled', 'The API key is disabled.');
const KEY_EXPIRED = refuse('key_expired', 'The API key has expired.');
const POLICY_VIOLATION = refuse(
  'policy_violation',
  "The API key breaks its organization's key policy; see the policy-violations report.",
);
const IP_NOT_ALLOWED = refuse(
  'ip_not_allowed',
  "The client's address is missing or outside the API key's IP allowlist.",
);
const DEFAULT_RATE_LIMIT_COST = 1;

/**
 * Request-time decisions over the resolution model. Synchronous from check to count, so within
 * one process no other request can slip in between a limit check and its reservation.
 *
 * Limit rule: a request is admitted while `usage + held < limit`, where `usage` counts toward
 * the key's current window since its last manual reset and each admitted request not yet
 * reported holds `reservationCredits`. Costs are reported after the request, so usage may end
 * above the limit by at most the costs of the requests admitted last.
 */
export class Resolver {
  private readonly reservations: Reservations;
  private readonly secrets: SecretLookup;
  private readonly answers: KeyAnswers;

  constructor(
    private readonly model: ResolutionModel,
    private readonly pending: PendingUsage,
    private readonly settings: ResolutionSettings,
    /** Counts keys' named rate limits: this process's own counters unless a shared one is given. */
    private readonly rateLimiter: RateLimiter = new LocalRateLimiter(),
  ) {
    this.reservations = new Reservations(settings.reservationTtlMs);
    this.secrets = new SecretLookup(model, settings);
    this.answers = new KeyAnswers(model.routing, settings.plans);
  }

  /**
   * Admits and counts the request, or says why not (SPEC §5 and §9 codes, in the order they are
   * checked). Synchronous, except for a key with rate limits under a shared (Redis) limiter: then
   * a promise, and the credit and plan checks are made again once the shared limit has answered.
   */
  resolve(request: ResolveRequest, now: Date): ResolveOutcome | Promise<ResolveOutcome> {
    const atMs = now.getTime();
    const key = this.authenticate(request.secret, atMs);
    if (key === undefined) return INVALID_API_KEY;
    const model = request.model ?? null;
    if (key.revoked) return this.refused(key, atMs, model, INVALID_API_KEY);
    const answer = this.answers.of(key);
    const { tier } = answer;
    const refusal =
      lifecycleRefusal(key, atMs) ??
      this.restrictionRefusal(key, request) ??
      accessRefusal(key, tier, request) ??
      this.countRefusal(key, tier, atMs);
    if (refusal !== null) return this.refused(key, atMs, model, refusal);
    if (key.rate_limits.length === 0) return this.admit(key, answer, atMs, model, null);
    const cost = request.rate_limit_cost ?? DEFAULT_RATE_LIMIT_COST;
    const check = this.rateLimiter.spend(key, cost, atMs);
    if (!(check instanceof Promise)) return this.admit(key, answer, atMs, model, check);
    // Other requests ran while Redis answered: the credit and plan checks are made again.
    return check.then((shared) => {
      const late = this.countRefusal(key, tier, atMs);
      return late === null
        ? this.admit(key, answer, atMs, model, shared)
        : this.refused(key, atMs, model, late);
    });
  }

  /** Counts an admitted request (or refuses it over a rate limit) and answers it. */
  private admit(
    key: KeyEntry,
    answer: KeyAnswer,
    atMs: number,
    model: string | null,
    rateLimits: RateLimitCheck | null,
  ): ResolveOutcome {
    if (rateLimits !== null && !rateLimits.admitted) {
      const { name, retry_after } = rateLimits.tightest;
      return this.refused(key, atMs, model, {
        ...refuse(
          'rate_limited',
          `The API key's rate limit ${JSON.stringify(name)} is reached.`,
          retry_after,
        ),
        rate_limit: rateLimits.tightest,
      });
    }
    if (key.limit !== null) this.reservations.hold(key.slot, atMs);
    this.model.count(key, atMs, atMs, ONE_REQUEST, key.limit_reset_position);
    this.pending.admitted(key, atMs, model);
    return this.resolved(key, answer, atMs, rateLimits);
  }

  /** Counts a refusal of a known key for its analytics, and answers it. */
  private refused(key: KeyEntry, atMs: number, model: string | null, refusal: Refusal): Refusal {
    this.pending.refused(key, atMs, model, refusal.code);
    return refusal;
  }

  /** The answer of an admitted request: only the limit and rate limit states are its own. */
  private resolved(
    key: KeyEntry,
    answer: KeyAnswer,
    atMs: number,
    rateLimits: RateLimitCheck | null,
  ): Resolved {
    if (rateLimits === null && answer.constant !== null) return answer.constant;
    return {
      ok: true,
      key: answer.key,
      routing: answer.routing,
      limit: this.limitState(key, atMs),
      rate_limits: rateLimits === null ? NO_RATE_LIMITS : rateLimits.states,
      tightest_rate_limit: rateLimits === null ? null : rateLimits.tightest,
    };
  }

  /** Under an `all_keys` policy of its org, a key must keep it; a key with an allowlist, its caller inside it. */
  private restrictionRefusal(key: KeyEntry, request: ResolveRequest): Refusal | null {
    const policy = this.model.policies.enforcedOn(key.org_id);
    if (policy !== null && !compliesWithPolicy(policy, key)) return POLICY_VIOLATION;
    const { allowlist } = key;
    if (allowlist === null) return null;
    const address = request.client_ip;
    return address != null && allowlist.contains(address) ? null : IP_NOT_ALLOWED;
  }

  private countRefusal(key: KeyEntry, tier: PlanTier, atMs: number): Refusal | null {
    return this.limitRefusal(key, atMs) ?? this.capRefusal(key, tier, atMs);
  }

  /**
   * Counts a request's reported cost against its key and releases the credit it held. A key
   * revoked, disabled or expired since its request was admitted still gets its usage counted.
   * Throws a `validation_failed` DomainError for a malformed report.
   */
  recordUsage(request: UsageRequest, now: Date): UsageOutcome {
    const atMs = now.getTime();
    const key = this.authenticate(request.secret, atMs);
    if (key === undefined) return INVALID_API_KEY;
    const report = validate((errors) => checkUsageReport(errors, request));
    const cost = toNanos(report.cost);
    const amounts = report.byok
      ? { requests: 0, cost: 0, byok_cost: cost }
      : { requests: 0, cost, byok_cost: 0 };
    this.reservations.release(key.slot);
    this.model.count(key, atMs, atMs, amounts, key.limit_reset_position);
    this.pending.add(key, atMs, amounts, report.model);
    return { ok: true, key_id: key.id, limit: this.limitState(key, atMs) };
  }

  /** The key's usage figures and limit state at `now`, or null for an unknown key. */
  usage(keyId: string, now: Date): KeyUsage | null {
    const key = this.model.keyById(keyId);
    if (key === undefined) return null;
    const atMs = now.getTime();
    return {
      key_id: key.id,
      ...this.model.usageFigures(key, atMs),
      limit: this.limitState(key, atMs),
    };
  }

  /** The key a secret names (see SecretLookup: most garbage costs no hash). */
  private authenticate(secret: string, atMs: number): KeyEntry | undefined {
    return this.secrets.find(secret, atMs);
  }

  private limitRefusal(key: KeyEntry, atMs: number): Refusal | null {
    if (key.limit === null) return null;
    const limit = toNanos(key.limit);
    const used = this.model.limitUsage(key, atMs);
    if (used >= limit) {
      return refuse(
        'limit_exceeded',
        'The API key has used its limit for the current window.',
        this.secondsToWindowEnd(key, atMs),
      );
    }
    const held = this.reservations.held(key.slot, atMs) * toNanos(this.settings.reservationCredits);
    if (used + held >= limit) {
      return refuse(
        'limit_exceeded',
        "The rest of the API key's limit is held by requests still in flight.",
        IN_FLIGHT_RETRY_SECONDS,
      );
    }
    return null;
  }

  private capRefusal(key: KeyEntry, tier: PlanTier, atMs: number): Refusal | null {
    const retryAfter = this.model.requests.retryAfter(key.owner_user_id, tier.caps, atMs);
    return retryAfter === null
      ? null
      : refuse(
          'request_limit_exceeded',
          `The ${tier.name} plan's request limit for this user is reached.`,
          retryAfter,
        );
  }

  private limitState(key: KeyEntry, atMs: number): LimitState {
    if (key.limit === null && key.limit_reset === null) return UNLIMITED;
    const window = key.limit_reset === null ? null : this.model.windows.at(atMs)[key.limit_reset];
    const remaining =
      key.limit === null
        ? null
        : Math.max(0, toCredits(toNanos(key.limit) - this.model.limitUsage(key, atMs)));
    return {
      limit: key.limit,
      remaining,
      reset: key.limit_reset,
      window_end: window === null ? null : window.endIso,
    };
  }

  /** Null for a limit that never resets: waiting does not help, an admin must act. */
  private secondsToWindowEnd(key: KeyEntry, atMs: number): number | null {
    if (key.limit_reset === null) return null;
    const { end } = this.model.windows.at(atMs)[key.limit_reset];
    return secondsUntil(new Date(end), new Date(atMs));
  }
}

/**
 * Expiry is checked before disabling, as governance ranks them: an expired key never works
 * again, so that is the more useful answer when both hold.
 */
function lifecycleRefusal(key: KeyEntry, atMs: number): Refusal | null {
  if (key.expires_at !== null && key.expires_at <= atMs) return KEY_EXPIRED;
  return key.disabled ? KEY_DISABLED : null;
}

function accessRefusal(key: KeyEntry, tier: PlanTier, request: ResolveRequest): Refusal | null {
  const scope = request.scope ?? DEFAULT_SCOPE;
  if (scope === MANAGEMENT_SCOPE || !key.scopes.includes(scope)) {
    return refuse('insufficient_scope', `The API key does not carry the ${scope} scope.`);
  }
  const model = request.model ?? null;
  if (model !== null && !tier.allowsModel(model)) {
    return refuse('model_not_allowed', `The ${tier.name} plan does not include ${model}.`);
  }
  return null;
}
