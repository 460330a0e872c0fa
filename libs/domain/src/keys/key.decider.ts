import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { FieldErrors } from '../shared/validation';
import { validRoutingRules } from '../routing-preferences/routing-rules.validation';
import {
  BindPreference,
  CreateKey,
  KeyCommand,
  RotateKey,
  SetKeyLimit,
} from './key.commands';
import { KeyCreated, KeyEvent } from './key.events';
import { initialKeyState, KeyFacts, KeyState } from './key.state';
import { DEFAULT_KEY_SCOPES } from './key-scopes';
import {
  checkExpiry,
  checkLimit,
  checkLimitReset,
  checkScopes,
  KEY_NAME_MAX,
  MAX_GRACE_SECONDS,
  REASON_MAX,
} from './key-settings.validation';

/** The key aggregate: `key-<id>` streams. */
export const keyDecider: Decider<KeyCommand, KeyEvent, KeyState> = {
  initialState: initialKeyState,
  evolve: evolveKey,
  decide: decideKey,
};

function decideKey(command: KeyCommand, state: KeyState): KeyEvent[] {
  if (command.type === 'CreateKey') {
    if (state.status !== 'absent') throw new DomainError('already_exists', 'A key with this id already exists.');
    return [createKey(command)];
  }
  if (state.status === 'absent') throw new DomainError('not_found', 'Key not found.');
  if (state.status === 'revoked') throw new DomainError('key_revoked', 'The key is revoked and can no longer be changed.');
  const key = state.key;
  const key_id = key.id;
  switch (command.type) {
    case 'RenameKey': {
      const errors = new FieldErrors();
      errors.text('name', command.name, 1, KEY_NAME_MAX);
      errors.throwIfAny();
      const name = command.name.trim();
      return name === key.name ? [] : [{ type: 'KeyRenamed', data: { key_id, name, previous_name: key.name } }];
    }
    case 'DisableKey':
      return key.disabled ? [] : [{ type: 'KeyDisabled', data: { key_id, reason: command.reason ?? null } }];
    case 'EnableKey':
      return key.disabled ? [{ type: 'KeyEnabled', data: { key_id } }] : [];
    case 'SetKeyLimit':
      return setLimit(command, key);
    case 'ResetKeyLimit': {
      const errors = new FieldErrors();
      errors.text('reason', command.reason, 1, REASON_MAX);
      errors.throwIfAny();
      return [{ type: 'KeyLimitReset', data: { key_id, reason: command.reason.trim(), reset_at: command.now } }];
    }
    case 'SetKeyExpiry': {
      const errors = new FieldErrors();
      checkExpiry(errors, command.expires_at, command.now);
      errors.throwIfAny();
      return command.expires_at === key.expires_at ? [] : [{ type: 'KeyExpirySet', data: { key_id, expires_at: command.expires_at } }];
    }
    case 'BindPreference':
      return bind(command, key);
    case 'DetachDeletedPreference':
      return key.routing_preference_id === command.preference_id
        ? [{ type: 'PreferenceUnbound', data: { key_id, preference_id: command.preference_id, reason: 'preference_deleted' } }]
        : [];
    case 'SetKeyRoutingRules':
      return [{ type: 'KeyRoutingRulesSet', data: { key_id, ...validRoutingRules(command.routing) } }];
    case 'ClearKeyRoutingRules':
      return key.routing_rules ? [{ type: 'KeyRoutingRulesCleared', data: { key_id } }] : [];
    case 'RotateKey':
      return [rotate(command, key)];
    case 'RevokeKey':
      return [{ type: 'KeyRevoked', data: { key_id, reason: command.reason ?? null, revoked_at: command.now } }];
  }
}

/** Applies SPEC §2's ownership rules: a personal key never carries an org. */
function ownership(command: CreateKey, errors: FieldErrors): { scope: 'personal' | 'org'; org_id: string | null } {
  const givenOrg = command.org_id ?? null;
  const scope = command.scope ?? (givenOrg !== null ? 'org' : 'personal');
  if (scope === 'personal') {
    if (givenOrg !== null) errors.add('org_id', 'must not be given for a personal key');
    return { scope, org_id: null };
  }
  const org_id = givenOrg ?? command.active_org_id;
  if (org_id === null) errors.add('org_id', 'is required for an org key when the caller has no active organization');
  return { scope, org_id };
}

function createKey(command: CreateKey): KeyCreated {
  const errors = new FieldErrors();
  errors.text('name', command.name, 1, KEY_NAME_MAX);
  const { scope, org_id } = ownership(command, errors);
  const scopes = command.scopes ?? DEFAULT_KEY_SCOPES;
  checkScopes(errors, scopes);
  const limit = command.limit ?? null;
  const limit_reset = command.limit_reset ?? null;
  checkLimit(errors, limit);
  checkLimitReset(errors, limit_reset);
  const expires_at = command.expires_at ?? null;
  checkExpiry(errors, expires_at, command.now);
  errors.throwIfAny();
  return {
    type: 'KeyCreated',
    data: {
      key_id: command.key_id,
      hash: command.hash,
      label: command.label,
      name: command.name.trim(),
      scope,
      owner_user_id: command.owner_user_id,
      org_id,
      scopes: [...scopes],
      limit,
      limit_reset,
      include_byok_in_limit: command.include_byok_in_limit ?? false,
      plan_tier: command.plan_tier,
      expires_at,
      created_at: command.now,
    },
  };
}

function setLimit(command: SetKeyLimit, key: KeyFacts): KeyEvent[] {
  const next = {
    limit: command.limit === undefined ? key.limit : command.limit,
    limit_reset: command.limit_reset === undefined ? key.limit_reset : command.limit_reset,
    include_byok_in_limit: command.include_byok_in_limit ?? key.include_byok_in_limit,
  };
  const errors = new FieldErrors();
  checkLimit(errors, next.limit);
  checkLimitReset(errors, next.limit_reset);
  errors.throwIfAny();
  const unchanged =
    next.limit === key.limit &&
    next.limit_reset === key.limit_reset &&
    next.include_byok_in_limit === key.include_byok_in_limit;
  return unchanged ? [] : [{ type: 'KeyLimitSet', data: { key_id: key.id, ...next } }];
}

function bind(command: BindPreference, key: KeyFacts): KeyEvent[] {
  const current = key.routing_preference_id;
  if (command.preference_id === current) return [];
  if (command.preference_id === null) {
    return current === null
      ? []
      : [{ type: 'PreferenceUnbound', data: { key_id: key.id, preference_id: current, reason: 'cleared' } }];
  }
  return [
    {
      type: 'PreferenceBound',
      data: { key_id: key.id, preference_id: command.preference_id, previous_preference_id: current },
    },
  ];
}

function rotate(command: RotateKey, key: KeyFacts): KeyEvent {
  const grace = command.grace_period_seconds;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_SECONDS) {
    const errors = new FieldErrors();
    errors.add('grace_period_seconds', `must be a whole number from 0 to ${MAX_GRACE_SECONDS}`);
    errors.throwIfAny();
  }
  return {
    type: 'KeySecretRotated',
    data: {
      key_id: key.id,
      hash: command.hash,
      label: command.label,
      previous_hash: key.hash,
      previous_valid_until: grace === 0 ? null : new Date(Date.parse(command.now) + grace * 1000).toISOString(),
    },
  };
}

function evolveKey(state: KeyState, event: KeyEvent): KeyState {
  if (event.type === 'KeyCreated') return { status: 'active', key: factsFromCreation(event) };
  if (state.status === 'absent') return state;
  const key = state.key;
  switch (event.type) {
    case 'KeyRenamed':
      return { ...state, key: { ...key, name: event.data.name } };
    case 'KeyDisabled':
      return { ...state, key: { ...key, disabled: true } };
    case 'KeyEnabled':
      return { ...state, key: { ...key, disabled: false } };
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit } = event.data;
      return { ...state, key: { ...key, limit, limit_reset, include_byok_in_limit } };
    }
    case 'KeyLimitReset':
      return state;
    case 'KeyExpirySet':
      return { ...state, key: { ...key, expires_at: event.data.expires_at } };
    case 'PreferenceBound':
      return { ...state, key: { ...key, routing_preference_id: event.data.preference_id } };
    case 'PreferenceUnbound':
      return { ...state, key: { ...key, routing_preference_id: null } };
    case 'KeyRoutingRulesSet': {
      const { rules, examples, confidence_floor_overrides } = event.data;
      return { ...state, key: { ...key, routing_rules: { rules, examples, confidence_floor_overrides } } };
    }
    case 'KeyRoutingRulesCleared':
      return { ...state, key: { ...key, routing_rules: null } };
    case 'KeySecretRotated':
      return {
        ...state,
        key: {
          ...key,
          hash: event.data.hash,
          label: event.data.label,
          previous_hash: event.data.previous_hash,
          previous_valid_until: event.data.previous_valid_until,
        },
      };
    case 'KeyRevoked':
      return { status: 'revoked', key: { ...key, revoked_at: event.data.revoked_at } };
    default:
      // Events of later schema versions (usage, …) that do not change the key's decisions.
      return state;
  }
}

function factsFromCreation({ data }: KeyCreated): KeyFacts {
  return {
    id: data.key_id,
    hash: data.hash,
    label: data.label,
    previous_hash: null,
    previous_valid_until: null,
    name: data.name,
    scope: data.scope,
    owner_user_id: data.owner_user_id,
    org_id: data.org_id,
    scopes: data.scopes,
    plan_tier: data.plan_tier,
    limit: data.limit,
    limit_reset: data.limit_reset,
    include_byok_in_limit: data.include_byok_in_limit,
    disabled: false,
    expires_at: data.expires_at,
    routing_preference_id: null,
    routing_rules: null,
    created_at: data.created_at,
    revoked_at: null,
  };
}
