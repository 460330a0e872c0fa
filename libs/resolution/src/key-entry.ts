import {
  KeyCreated,
  KeyEvent,
  KeyMetadata,
  LimitReset,
  PolicySubject,
  RateLimit,
  RoutingKeyFacts,
  RoutingRules,
} from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { CidrSet } from '@keyledger/network';
import { AllowlistMatchers } from './allowlist-matchers';
import { Interner } from './interner';

/**
 * What request time needs of one key, folded from its `key-<id>` stream. Times are epoch ms;
 * repeated strings are interned; usage counters live apart, in the ledger row `slot`.
 */
export interface KeyEntry extends KeyState {
  readonly slot: number;
  /**
   * `allowed_ips` compiled when the key was folded (null: no allowlist): on the entry itself, so
   * a request reads it from the object it already holds instead of looking it up elsewhere.
   */
  readonly allowlist: CidrSet | null;
}

/** A key's folded facts, without the ledger row they are counted in: what a snapshot keeps of it. */
export interface KeyState extends RoutingKeyFacts, PolicySubject {
  readonly id: string;
  readonly hash: string;
  /** The secret replaced by the last rotation, accepted until `previous_valid_until`. */
  readonly previous_hash: string | null;
  readonly previous_valid_until: number | null;
  /** Revision of the last event of the key's stream folded in: later copies are skipped. */
  readonly revision: number;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly scopes: readonly string[];
  readonly plan_tier: string | null;
  readonly disabled: boolean;
  readonly revoked: boolean;
  readonly expires_at: number | null;
  readonly limit: number | null;
  readonly limit_reset: LimitReset | null;
  readonly include_byok_in_limit: boolean;
  /** Global position of the key's last `KeyLimitReset` (null: never reset by hand). */
  readonly limit_reset_position: number | null;
  readonly routing_preference_id: string | null;
  readonly routing_rules: RoutingRules | null;
  /** Canonical CIDRs ([] for none); the model compiles them once into a matcher. */
  readonly allowed_ips: readonly string[];
  readonly rate_limits: readonly RateLimit[];
  /** Percentages of the limit that record an alert when crossed, ascending ([] for none). */
  readonly alert_thresholds: readonly number[];
  readonly metadata: KeyMetadata;
  readonly external_id: string | null;
  /**
   * What the secrets of an imported key start with: its hash (and, after a rotation, its graced
   * previous hash) is the plain SHA-256 of such a secret. Null: a key of ours, hashed natively.
   */
  readonly imported_prefix: string | null;
}

const NO_IPS: readonly string[] = Object.freeze([]);
const NO_RATE_LIMITS: readonly RateLimit[] = Object.freeze([]);
const NO_METADATA: KeyMetadata = Object.freeze({});
const NO_THRESHOLDS: readonly number[] = Object.freeze([]);

const isEmpty = (metadata: KeyMetadata): boolean => {
  for (const _ in metadata) return false;
  return true;
};

const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** The facts of a newly created key. */
export function newKeyState(event: RecordedEvent & KeyCreated): KeyState {
  const { data } = event;
  return {
    id: data.key_id,
    hash: data.hash,
    previous_hash: null,
    previous_valid_until: null,
    revision: event.revision,
    owner_user_id: data.owner_user_id,
    org_id: data.org_id,
    scopes: data.scopes,
    plan_tier: data.plan_tier,
    disabled: false,
    revoked: false,
    expires_at: epochMs(data.expires_at),
    limit: data.limit,
    limit_reset: data.limit_reset,
    include_byok_in_limit: data.include_byok_in_limit,
    limit_reset_position: null,
    routing_preference_id: null,
    routing_rules: null,
    allowed_ips: data.allowed_ips ?? NO_IPS,
    rate_limits: data.rate_limits ?? NO_RATE_LIMITS,
    alert_thresholds: data.alert_thresholds ?? NO_THRESHOLDS,
    metadata: data.metadata ?? NO_METADATA,
    external_id: data.external_id ?? null,
    issued_at: Date.parse(data.created_at),
    imported_prefix: null,
  };
}

/** The entry of a newly created key, whose counters are ledger row `slot`. */
export function createKeyEntry(
  event: RecordedEvent & KeyCreated,
  slot: number,
  intern: Interner,
  matchers: AllowlistMatchers,
): KeyEntry {
  return keyEntryOf(newKeyState(event), slot, intern, matchers);
}

/**
 * The entry of a key with these facts (new, or read back from a snapshot), counted in ledger
 * row `slot`. One literal for both, so every entry has the same shape.
 */
export function keyEntryOf(
  state: KeyState,
  slot: number,
  intern: Interner,
  matchers: AllowlistMatchers,
): KeyEntry {
  // Snapshots written before these facts existed lack them: none of each. Most keys have
  // none, and a shared empty value is one object instead of one per fact per key read back.
  const allowedIps = state.allowed_ips?.length ? state.allowed_ips : NO_IPS;
  return {
    id: state.id,
    hash: state.hash,
    previous_hash: state.previous_hash,
    previous_valid_until: state.previous_valid_until,
    revision: state.revision,
    slot,
    owner_user_id: intern.string(state.owner_user_id),
    org_id: intern.nullable(state.org_id),
    scopes: intern.list(state.scopes),
    plan_tier: intern.nullable(state.plan_tier),
    disabled: state.disabled,
    revoked: state.revoked,
    expires_at: state.expires_at,
    limit: state.limit,
    limit_reset: intern.nullable(state.limit_reset),
    include_byok_in_limit: state.include_byok_in_limit,
    limit_reset_position: state.limit_reset_position,
    routing_preference_id: state.routing_preference_id,
    routing_rules: state.routing_rules,
    allowed_ips: allowedIps,
    allowlist: matchers.matcherFor(allowedIps),
    rate_limits: state.rate_limits?.length ? intern.rateLimits(state.rate_limits) : NO_RATE_LIMITS,
    alert_thresholds: state.alert_thresholds?.length ? state.alert_thresholds : NO_THRESHOLDS,
    metadata:
      state.metadata === undefined || isEmpty(state.metadata) ? NO_METADATA : state.metadata,
    external_id: state.external_id ?? null,
    issued_at: state.issued_at ?? 0,
    imported_prefix: state.imported_prefix ?? null,
  };
}

/**
 * The key after one later event of its stream (a new object: entries are never mutated). Fields
 * beyond the key's facts (a ledger slot, a snapshot's counters) are carried over.
 */
export function evolveKeyEntry<K extends KeyState>(entry: K, event: RecordedEvent & KeyEvent): K {
  const next = { ...entry, revision: event.revision };
  switch (event.type) {
    case 'KeyCreated':
    case 'KeyRenamed':
    case 'KeyLeakReported':
      return next;
    case 'KeyImported':
      return { ...next, imported_prefix: event.data.prefix };
    case 'KeyDisabled':
      return { ...next, disabled: true };
    case 'KeyEnabled':
      return { ...next, disabled: false };
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit } = event.data;
      return { ...next, limit, limit_reset, include_byok_in_limit };
    }
    case 'KeyLimitReset':
      return { ...next, limit_reset_position: event.position };
    case 'KeyExpirySet':
      return { ...next, expires_at: epochMs(event.data.expires_at) };
    case 'PreferenceBound':
      return { ...next, routing_preference_id: event.data.preference_id };
    case 'PreferenceUnbound':
      return { ...next, routing_preference_id: null };
    case 'KeyRoutingRulesSet': {
      const { rules, examples, confidence_floor_overrides } = event.data;
      return { ...next, routing_rules: { rules, examples, confidence_floor_overrides } };
    }
    case 'KeyRoutingRulesCleared':
      return { ...next, routing_rules: null };
    case 'KeySecretRotated': {
      const { hash, previous_hash, previous_valid_until } = event.data;
      const graced = previous_valid_until !== null;
      return {
        ...next,
        hash,
        previous_hash: graced ? previous_hash : null,
        previous_valid_until: epochMs(previous_valid_until),
        issued_at: Date.parse(event.data.rotated_at),
      };
    }
    case 'KeyIpAllowlistSet':
      return { ...next, allowed_ips: event.data.allowed_ips };
    case 'KeyRateLimitsSet':
      return { ...next, rate_limits: event.data.rate_limits };
    case 'KeyAlertThresholdsSet':
      return { ...next, alert_thresholds: event.data.alert_thresholds };
    case 'KeyMetadataSet':
      return { ...next, metadata: event.data.metadata };
    case 'KeyExternalIdSet':
      return { ...next, external_id: event.data.external_id };
    case 'KeyRevoked':
      return { ...next, revoked: true, previous_hash: null, previous_valid_until: null };
  }
}
