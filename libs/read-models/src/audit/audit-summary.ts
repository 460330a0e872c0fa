import {
  DefaultOwner,
  DefaultPreferenceEvent,
  KeyEvent,
  OrgKeyPolicyEvent,
  RoutingPreferenceEvent,
} from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { isDefaultPreferenceEvent } from '../defaults/is-default-preference-event';
import { isOrgKeyPolicyEvent } from '../org-key-policy/is-org-key-policy-event';
import { isKeyEvent } from '../keys/is-key-event';
import { isLimitAlertEvent } from '../keys/is-limit-alert-event';
import { isRoutingPreferenceEvent } from '../routing-preferences/is-routing-preference-event';

/** Fields of RoutingPreferenceUpdated that say which and when, not what changed. */
const UPDATE_BOOKKEEPING = new Set(['preference_id', 'updated_at']);

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const because = (reason: string | null): string => (reason ? `: ${reason}` : '');
const ownerName = (owner: DefaultOwner): string =>
  owner.kind === 'org' ? `org ${owner.org_id}` : `user ${owner.user_id}`;

/** One readable sentence about an event, for audit lists and exports; unknown types read as their name. */
export function auditSummary(event: RecordedEvent): string {
  if (isKeyEvent(event)) return keySummary(event);
  if (isRoutingPreferenceEvent(event)) return preferenceSummary(event);
  if (isDefaultPreferenceEvent(event)) return defaultSummary(event);
  if (isOrgKeyPolicyEvent(event)) return policySummary(event);
  if (isLimitAlertEvent(event)) {
    const { threshold, usage, limit, window_end } = event.data;
    return `Usage reached ${threshold}% of the limit (${usage} of ${limit})${window_end ? ` in the window ending ${window_end}` : ''}`;
  }
  return event.type;
}

function keySummary(event: KeyEvent): string {
  switch (event.type) {
    case 'KeyCreated': {
      const { scope, name, org_id, scopes } = event.data;
      return `Created ${scope} key ${JSON.stringify(name)}${org_id ? ` in org ${org_id}` : ''} with scopes ${scopes.join(', ')}`;
    }
    case 'KeyRenamed':
      return `Renamed key ${JSON.stringify(event.data.previous_name)} to ${JSON.stringify(event.data.name)}`;
    case 'KeyDisabled':
      return `Disabled key${because(event.data.reason)}`;
    case 'KeyEnabled':
      return 'Enabled key';
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit } = event.data;
      if (limit === null) return 'Removed the key limit';
      return `Set the key limit to ${limit} credits${limit_reset ? `, reset ${limit_reset}` : ''}${include_byok_in_limit ? ', BYOK usage included' : ''}`;
    }
    case 'KeyLimitReset':
      return `Reset the key's usage window${because(event.data.reason)}`;
    case 'KeyExpirySet':
      return event.data.expires_at
        ? `Set the key to expire at ${event.data.expires_at}`
        : 'Removed the key expiry';
    case 'PreferenceBound':
      return `Bound routing preference ${event.data.preference_id}`;
    case 'PreferenceUnbound':
      return `Unbound routing preference ${event.data.preference_id}${event.data.reason === 'preference_deleted' ? ' (preference deleted)' : ''}`;
    case 'KeyRoutingRulesSet':
      return `Set ${plural(event.data.rules.length, 'key routing rule')}`;
    case 'KeyRoutingRulesCleared':
      return 'Cleared the key routing rules';
    case 'KeySecretRotated':
      return event.data.previous_valid_until
        ? `Rotated the secret; the old one works until ${event.data.previous_valid_until}`
        : 'Rotated the secret; the old one stopped at once';
    case 'KeyIpAllowlistSet': {
      const { allowed_ips, reason } = event.data;
      return allowed_ips.length === 0
        ? `Removed the IP allowlist${because(reason)}`
        : `Allowed the key from ${allowed_ips.join(', ')}${because(reason)}`;
    }
    case 'KeyAlertThresholdsSet': {
      const { alert_thresholds } = event.data;
      return alert_thresholds.length === 0
        ? 'Limit alerts removed'
        : `Limit alerts set at ${alert_thresholds.map((t) => `${t}%`).join(', ')}`;
    }
    case 'KeyRateLimitsSet': {
      const { rate_limits, reason } = event.data;
      const limits = rate_limits.map((l) => `${l.name} ${l.limit}/${l.duration_ms} ms`);
      return rate_limits.length === 0
        ? `Removed the rate limits${because(reason)}`
        : `Set rate limits ${limits.join(', ')}${because(reason)}`;
    }
    case 'KeyMetadataSet':
      return `Set the key metadata (${plural(Object.keys(event.data.metadata).length, 'field')})${because(event.data.reason)}`;
    case 'KeyExternalIdSet':
      return event.data.external_id === null
        ? `Removed the external id${because(event.data.reason)}`
        : `Set the external id to ${JSON.stringify(event.data.external_id)}${because(event.data.reason)}`;
    case 'KeyImported': {
      const { prefix, origin } = event.data;
      return `Imported the key (secret ${prefix}…, SHA-256)${origin === null ? '' : ` from ${origin}`}`;
    }
    case 'KeyLeakReported': {
      const { reporter, source, source_url, action } = event.data;
      const by =
        reporter === 'github_secret_scanning' ? 'GitHub secret scanning' : 'a management caller';
      const where = source_url === null ? source : `${source} at ${source_url}`;
      return `Leak reported by ${by} (${where}); action: ${action}`;
    }
    case 'KeyRevoked':
      return `Revoked key${because(event.data.reason)}`;
  }
}

function preferenceSummary(event: RoutingPreferenceEvent): string {
  switch (event.type) {
    case 'RoutingPreferenceCreated': {
      const { scope, name, rules } = event.data;
      return `Created ${scope} routing preference ${JSON.stringify(name)} with ${plural(rules.length, 'rule')}`;
    }
    case 'RoutingPreferenceUpdated': {
      const changed = Object.keys(event.data).filter((field) => !UPDATE_BOOKKEEPING.has(field));
      return `Updated routing preference: ${changed.join(', ')}`;
    }
    case 'RoutingPreferenceEnabled':
      return 'Enabled routing preference';
    case 'RoutingPreferenceDisabled':
      return 'Disabled routing preference';
    case 'RoutingPreferenceDeleted':
      return 'Deleted routing preference';
  }
}

function defaultSummary(event: DefaultPreferenceEvent): string {
  const { owner, preference_id } = event.data;
  return event.type === 'DefaultPreferenceSet'
    ? `Made routing preference ${preference_id} the default of ${ownerName(owner)}`
    : `Routing preference ${preference_id} is no longer the default of ${ownerName(owner)}`;
}

function policySummary({ data }: OrgKeyPolicyEvent): string {
  const rules = [
    data.max_lifetime_days === null ? null : `max lifetime ${data.max_lifetime_days} days`,
    data.require_limit ? 'limit required' : null,
    data.allowed_scopes === null ? null : `scopes ${data.allowed_scopes.join(', ')}`,
    data.require_ip_allowlist ? 'IP allowlist required' : null,
    data.leaked_key_action == null ? null : `leaked keys: ${data.leaked_key_action}`,
  ].filter((rule) => rule !== null);
  const what = rules.length === 0 ? 'no rules' : rules.join(', ');
  return `Set the key policy of org ${data.org_id}: ${what}, enforced on ${data.enforcement === 'all_keys' ? 'all keys' : 'new keys'}${because(data.reason)}`;
}
