import { KeyCreated, KeyEvent, LimitReset, RoutingKeyFacts, RoutingRules } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { Interner } from './interner';

/**
 * What request time needs of one key, folded from its `key-<id>` stream. Times are epoch ms;
 * repeated strings are interned; usage counters live apart, in the ledger row `slot`.
 */
export interface KeyEntry extends RoutingKeyFacts {
  readonly id: string;
  readonly hash: string;
  /** The secret replaced by the last rotation, accepted until `previous_valid_until`. */
  readonly previous_hash: string | null;
  readonly previous_valid_until: number | null;
  /** Revision of the last event of the key's stream folded in: later copies are skipped. */
  readonly revision: number;
  readonly slot: number;
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
}

const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** The entry of a newly created key, whose counters are ledger row `slot`. */
export function createKeyEntry(
  event: RecordedEvent & KeyCreated,
  slot: number,
  intern: Interner,
): KeyEntry {
  const { data } = event;
  return {
    id: data.key_id,
    hash: data.hash,
    previous_hash: null,
    previous_valid_until: null,
    revision: event.revision,
    slot,
    owner_user_id: intern.string(data.owner_user_id),
    org_id: intern.nullable(data.org_id),
    scopes: intern.list(data.scopes),
    plan_tier: intern.nullable(data.plan_tier),
    disabled: false,
    revoked: false,
    expires_at: epochMs(data.expires_at),
    limit: data.limit,
    limit_reset: intern.nullable(data.limit_reset),
    include_byok_in_limit: data.include_byok_in_limit,
    limit_reset_position: null,
    routing_preference_id: null,
    routing_rules: null,
  };
}

/** The entry after one later event of its stream (a new object: entries are never mutated). */
export function evolveKeyEntry(entry: KeyEntry, event: RecordedEvent & KeyEvent): KeyEntry {
  const next = { ...entry, revision: event.revision };
  switch (event.type) {
    case 'KeyCreated':
    case 'KeyRenamed':
      return next;
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
      };
    }
    case 'KeyRevoked':
      return { ...next, revoked: true, previous_hash: null, previous_valid_until: null };
  }
}
