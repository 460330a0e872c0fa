import {
  enforceKeyPolicy,
  policyViolationError,
  policySubjectOf,
} from '../org-key-policy/key-policy-enforcement';
import { latestExpiry, policyViolations } from '../org-key-policy/key-policy-compliance';
import { OrgKeyPolicy } from '../org-key-policy/org-key-policy';
import { checkAllowedIps } from '../restrictions/ip-allowlist';
import { checkExternalId, checkMetadata } from '../restrictions/key-metadata';
import { checkRateLimits } from '../restrictions/rate-limits';
import { checkAlertThresholds } from '../alerts/alert-thresholds';
import { checkRoutingRules } from '../routing-preferences/routing-rules.validation';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { sameData } from '../shared/same-data';
import { FieldErrors, validate } from '../shared/validation';
import { checkExpiry } from './expiry';
import {
  BindPreference,
  CreateKey,
  ImportKey,
  KeyCommand,
  ReportKeyLeak,
  SetKeyLimit,
} from './key.commands';
import { KeyCreated, KeyEvent, KeyImported, KeyLeakReported, KeyRestrictions } from './key.events';
import {
  checkImportedHash,
  checkImportHashAlgorithm,
  checkImportPrefix,
  importedLabel,
} from './key-import';
import { checkLeakSource, checkLeakSourceUrl } from './key-leak';
import { initialKeyState, KeyFacts, KeyState } from './key.state';
import { checkLimit, checkLimitReset } from './key-limit';
import { checkKeyName } from './key-name';
import { resolveKeyOwnership } from './key-ownership';
import { checkKeyScopes } from './key-scopes';
import { checkOptionalReason, checkRequiredReason } from './reason';
import { checkGracePeriod } from './rotation';

/** The key aggregate, one `key-<id>` stream per key. */
export const keyDecider: Decider<KeyCommand, KeyEvent, KeyState> = {
  initialState: initialKeyState,
  evolve: evolveKey,
  decide: decideKey,
};

function decideKey(command: KeyCommand, state: KeyState): KeyEvent[] {
  if (command.type === 'CreateKey') {
    if (state.status !== 'absent')
      throw new DomainError('already_exists', 'A key with this id already exists.');
    return [createKey(command)];
  }
  if (command.type === 'ImportKey') {
    if (state.status !== 'absent')
      throw new DomainError('already_exists', 'A key with this id already exists.');
    return importKey(command);
  }
  if (state.status === 'absent') throw new DomainError('not_found', 'Key not found.');
  if (command.type === 'ReportKeyLeak') return [reportLeak(command, state.key.id)];
  if (state.status === 'revoked') {
    throw new DomainError('key_revoked', 'The key is revoked and can no longer be changed.');
  }
  const key = state.key;
  const key_id = key.id;
  const now = command.now;
  switch (command.type) {
    case 'RenameKey': {
      const name = validate((errors) => checkKeyName(errors, command.name));
      return name === key.name
        ? []
        : [
            {
              type: 'KeyRenamed',
              data: { key_id, name, previous_name: key.name, renamed_at: now },
            },
          ];
    }
    case 'DisableKey': {
      const reason = validate((errors) => checkOptionalReason(errors, command.reason));
      return key.disabled
        ? []
        : [{ type: 'KeyDisabled', data: { key_id, reason, disabled_at: now } }];
    }
    case 'EnableKey':
      return key.disabled ? [{ type: 'KeyEnabled', data: { key_id, enabled_at: now } }] : [];
    case 'SetKeyLimit':
      return setLimit(command, key);
    case 'ResetKeyLimit': {
      const reason = validate((errors) => checkRequiredReason(errors, command.reason));
      return [{ type: 'KeyLimitReset', data: { key_id, reason, reset_at: now } }];
    }
    case 'SetKeyExpiry': {
      const expires_at = validate((errors) => checkExpiry(errors, command.expires_at, now));
      return expires_at === key.expires_at
        ? []
        : [{ type: 'KeyExpirySet', data: { key_id, expires_at, changed_at: now } }];
    }
    case 'BindPreference':
      return bind(command, key);
    case 'DetachDeletedPreference':
      return key.routing_preference_id === command.preference_id
        ? [
            {
              type: 'PreferenceUnbound',
              data: {
                key_id,
                preference_id: command.preference_id,
                reason: 'preference_deleted',
                unbound_at: now,
              },
            },
          ]
        : [];
    case 'SetKeyRoutingRules': {
      const routing = validate((errors) => checkRoutingRules(errors, command.routing));
      return sameData(routing, key.routing_rules)
        ? []
        : [{ type: 'KeyRoutingRulesSet', data: { key_id, ...routing, changed_at: now } }];
    }
    case 'ClearKeyRoutingRules':
      return key.routing_rules === null
        ? []
        : [{ type: 'KeyRoutingRulesCleared', data: { key_id, cleared_at: now } }];
    case 'RotateKey': {
      const previous_valid_until = validate((errors) =>
        checkGracePeriod(errors, command.grace_period_seconds, now),
      );
      const { hash, label } = command;
      return [
        {
          type: 'KeySecretRotated',
          data: {
            key_id,
            hash,
            label,
            previous_hash: key.hash,
            previous_valid_until,
            rotated_at: now,
          },
        },
      ];
    }
    case 'SetKeyIpAllowlist': {
      const [allowed_ips, reason] = validate((errors) => [
        checkAllowedIps(errors, command.allowed_ips),
        checkOptionalReason(errors, command.reason),
      ]);
      return sameData(allowed_ips, key.allowed_ips)
        ? []
        : [{ type: 'KeyIpAllowlistSet', data: { key_id, allowed_ips, reason, changed_at: now } }];
    }
    case 'SetKeyRateLimits': {
      const [rate_limits, reason] = validate((errors) => [
        checkRateLimits(errors, command.rate_limits),
        checkOptionalReason(errors, command.reason),
      ]);
      return sameData(rate_limits, key.rate_limits)
        ? []
        : [{ type: 'KeyRateLimitsSet', data: { key_id, rate_limits, reason, changed_at: now } }];
    }
    case 'SetKeyAlertThresholds': {
      const alert_thresholds = validate((errors) =>
        checkAlertThresholds(errors, command.alert_thresholds),
      );
      return sameData(alert_thresholds, key.alert_thresholds)
        ? []
        : [{ type: 'KeyAlertThresholdsSet', data: { key_id, alert_thresholds, changed_at: now } }];
    }
    case 'SetKeyMetadata': {
      const [metadata, reason] = validate((errors) => [
        checkMetadata(errors, command.metadata),
        checkOptionalReason(errors, command.reason),
      ]);
      return sameData(metadata, key.metadata)
        ? []
        : [{ type: 'KeyMetadataSet', data: { key_id, metadata, reason, changed_at: now } }];
    }
    case 'SetKeyExternalId': {
      const [external_id, reason] = validate((errors) => [
        checkExternalId(errors, command.external_id),
        checkOptionalReason(errors, command.reason),
      ]);
      return external_id === key.external_id
        ? []
        : [{ type: 'KeyExternalIdSet', data: { key_id, external_id, reason, changed_at: now } }];
    }
    case 'ConformToKeyPolicy':
      return enforceKeyPolicy(command, key);
    case 'RevokeKey': {
      const reason = validate((errors) => checkOptionalReason(errors, command.reason));
      return [{ type: 'KeyRevoked', data: { key_id, reason, revoked_at: now } }];
    }
  }
}

function createKey(command: CreateKey): KeyCreated {
  const data = validate((errors) => {
    const name = checkKeyName(errors, command.name);
    const ownership = resolveKeyOwnership(errors, command);
    const scopes = checkKeyScopes(errors, command.scopes);
    const limits = {
      limit: command.limit ?? null,
      limit_reset: command.limit_reset ?? null,
      include_byok_in_limit: command.include_byok_in_limit ?? false,
    };
    checkLimit(errors, limits.limit);
    checkLimitReset(errors, limits.limit_reset);
    errors.flag('include_byok_in_limit', limits.include_byok_in_limit);
    const expires_at = checkExpiry(errors, command.expires_at ?? null, command.now);
    const org_permissions =
      command.creator_orgs.find((org) => org.id === ownership.org_id)?.permissions ?? [];
    return {
      name,
      ...ownership,
      org_permissions: [...org_permissions],
      scopes,
      ...limits,
      expires_at,
      ...checkRestrictions(errors, command),
    };
  });
  const { key_id, hash, label, owner_user_id, plan_tier, now } = command;
  const applicable = command.org_key_policy;
  const policy =
    data.scope === 'org' && applicable != null && applicable.org_id === data.org_id
      ? applicable.policy
      : null;
  const expires_at =
    policy !== null && command.expires_at === undefined
      ? maximalExpiry(policy, now)
      : data.expires_at;
  const event: KeyCreated = {
    type: 'KeyCreated',
    data: { key_id, hash, label, owner_user_id, plan_tier, ...data, expires_at, created_at: now },
  };
  if (policy !== null) {
    const violations = policyViolations(policy, policySubjectOf(factsFromCreation(event)));
    if (violations.length > 0) throw policyViolationError(violations);
  }
  return event;
}

function importKey(command: ImportKey): [KeyCreated, KeyImported] {
  const { hash, hash_algorithm, prefix } = validate((errors) => ({
    hash: checkImportedHash(errors, command.hash),
    hash_algorithm: checkImportHashAlgorithm(errors, command.hash_algorithm),
    prefix: checkImportPrefix(errors, command.prefix),
  }));
  const created = createKey({ ...command, type: 'CreateKey', hash, label: importedLabel(prefix) });
  const { key_id, origin, now } = command;
  return [
    created,
    { type: 'KeyImported', data: { key_id, hash_algorithm, prefix, origin, imported_at: now } },
  ];
}

function reportLeak(command: ReportKeyLeak, key_id: string): KeyLeakReported {
  const { source_url, source } = validate((errors) => ({
    source_url: checkLeakSourceUrl(errors, command.source_url),
    source: checkLeakSource(errors, command.source),
  }));
  const { reporter, action, now } = command;
  return {
    type: 'KeyLeakReported',
    data: { key_id, source_url, source, reporter, action, reported_at: now },
  };
}

/** The latest expiry the policy allows a secret issued now (null without a max lifetime). */
function maximalExpiry(policy: OrgKeyPolicy, now: string): string | null {
  const latest = latestExpiry(policy, Date.parse(now));
  return latest === null ? null : new Date(latest).toISOString();
}

/** The restrictions a create names, each left out when empty (as KeyCreated stores them). */
function checkRestrictions(errors: FieldErrors, command: CreateKey): KeyRestrictions {
  const allowed_ips =
    command.allowed_ips === undefined ? [] : checkAllowedIps(errors, command.allowed_ips);
  const rate_limits =
    command.rate_limits === undefined ? [] : checkRateLimits(errors, command.rate_limits);
  const metadata = command.metadata === undefined ? {} : checkMetadata(errors, command.metadata);
  const external_id = checkExternalId(errors, command.external_id);
  const thresholds =
    command.alert_thresholds ?? command.org_key_policy?.policy.default_alert_thresholds;
  const alert_thresholds = thresholds === undefined ? [] : checkAlertThresholds(errors, thresholds);
  return {
    ...(alert_thresholds.length > 0 && { alert_thresholds }),
    ...(allowed_ips.length > 0 && { allowed_ips }),
    ...(rate_limits.length > 0 && { rate_limits }),
    ...(Object.keys(metadata).length > 0 && { metadata }),
    ...(external_id !== null && { external_id }),
  };
}

function setLimit(command: SetKeyLimit, key: KeyFacts): KeyEvent[] {
  // Only the fields the caller sent are checked: stored values were valid when recorded.
  const next = validate((errors) => {
    if (command.limit !== undefined) checkLimit(errors, command.limit);
    if (command.limit_reset !== undefined) checkLimitReset(errors, command.limit_reset);
    errors.flag('include_byok_in_limit', command.include_byok_in_limit);
    return {
      limit: command.limit === undefined ? key.limit : command.limit,
      limit_reset: command.limit_reset === undefined ? key.limit_reset : command.limit_reset,
      include_byok_in_limit: command.include_byok_in_limit ?? key.include_byok_in_limit,
    };
  });
  const unchanged =
    next.limit === key.limit &&
    next.limit_reset === key.limit_reset &&
    next.include_byok_in_limit === key.include_byok_in_limit;
  return unchanged
    ? []
    : [{ type: 'KeyLimitSet', data: { key_id: key.id, ...next, changed_at: command.now } }];
}

function bind(command: BindPreference, key: KeyFacts): KeyEvent[] {
  const current = key.routing_preference_id;
  const { preference_id, now } = command;
  if (preference_id === current) return [];
  if (preference_id === null) {
    return current === null
      ? []
      : [
          {
            type: 'PreferenceUnbound',
            data: { key_id: key.id, preference_id: current, reason: 'cleared', unbound_at: now },
          },
        ];
  }
  return [
    {
      type: 'PreferenceBound',
      data: { key_id: key.id, preference_id, previous_preference_id: current, bound_at: now },
    },
  ];
}

function evolveKey(state: KeyState, event: KeyEvent): KeyState {
  if (event.type === 'KeyCreated') return { status: 'active', key: factsFromCreation(event) };
  const changes = changesOf(event);
  if (state.status === 'absent' || changes === null) return state;
  const key = { ...state.key, ...changes };
  return event.type === 'KeyRevoked' ? { status: 'revoked', key } : { status: state.status, key };
}

/** What an event changes on a key, `updated_at` included. */
function changesOf(event: KeyEvent): Partial<KeyFacts> | null {
  switch (event.type) {
    case 'KeyRenamed':
      return { name: event.data.name, updated_at: event.data.renamed_at };
    case 'KeyDisabled':
      return {
        disabled: true,
        disabled_reason: event.data.reason,
        updated_at: event.data.disabled_at,
      };
    case 'KeyEnabled':
      return { disabled: false, disabled_reason: null, updated_at: event.data.enabled_at };
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit, changed_at } = event.data;
      return { limit, limit_reset, include_byok_in_limit, updated_at: changed_at };
    }
    case 'KeyLimitReset':
      return { last_limit_reset_at: event.data.reset_at, updated_at: event.data.reset_at };
    case 'KeyExpirySet':
      return { expires_at: event.data.expires_at, updated_at: event.data.changed_at };
    case 'PreferenceBound':
      return { routing_preference_id: event.data.preference_id, updated_at: event.data.bound_at };
    case 'PreferenceUnbound':
      return { routing_preference_id: null, updated_at: event.data.unbound_at };
    case 'KeyRoutingRulesSet': {
      const { rules, examples, confidence_floor_overrides, changed_at } = event.data;
      return {
        routing_rules: { rules, examples, confidence_floor_overrides },
        updated_at: changed_at,
      };
    }
    case 'KeyRoutingRulesCleared':
      return { routing_rules: null, updated_at: event.data.cleared_at };
    case 'KeySecretRotated': {
      const { hash, label, previous_hash, previous_valid_until, rotated_at } = event.data;
      // Without a grace period the old secret is dead at once: keep no hash that might be read as live.
      const previous = previous_valid_until === null ? null : previous_hash;
      return {
        hash,
        label,
        previous_hash: previous,
        previous_valid_until,
        secret_issued_at: rotated_at,
        updated_at: rotated_at,
      };
    }
    case 'KeyIpAllowlistSet':
      return { allowed_ips: event.data.allowed_ips, updated_at: event.data.changed_at };
    case 'KeyRateLimitsSet':
      return { rate_limits: event.data.rate_limits, updated_at: event.data.changed_at };
    case 'KeyAlertThresholdsSet':
      return { alert_thresholds: event.data.alert_thresholds, updated_at: event.data.changed_at };
    case 'KeyMetadataSet':
      return { metadata: event.data.metadata, updated_at: event.data.changed_at };
    case 'KeyExternalIdSet':
      return { external_id: event.data.external_id, updated_at: event.data.changed_at };
    case 'KeyRevoked':
      return {
        revoked_at: event.data.revoked_at,
        revoke_reason: event.data.reason,
        updated_at: event.data.revoked_at,
      };
    default:
      // Streams may hold types this version does not know (later versions, other writers): skip them.
      return null;
  }
}

function factsFromCreation({ data }: KeyCreated): KeyFacts {
  const {
    key_id,
    created_at,
    allowed_ips,
    rate_limits,
    metadata,
    external_id,
    alert_thresholds,
    ...settings
  } = data;
  return {
    ...settings,
    id: key_id,
    allowed_ips: allowed_ips ?? [],
    rate_limits: rate_limits ?? [],
    alert_thresholds: alert_thresholds ?? [],
    metadata: metadata ?? {},
    external_id: external_id ?? null,
    secret_issued_at: created_at,
    previous_hash: null,
    previous_valid_until: null,
    disabled: false,
    disabled_reason: null,
    last_limit_reset_at: null,
    routing_preference_id: null,
    routing_rules: null,
    created_at,
    updated_at: created_at,
    revoked_at: null,
    revoke_reason: null,
  };
}
