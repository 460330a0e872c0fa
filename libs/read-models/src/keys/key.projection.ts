import { KeyCreated, KeyEvent, keyStream } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { Projection } from '../projection/projection';
import { streamCategory } from '../projection/stream-category';
import { orgAudience, userAudience } from '../shared/audience';
import { isKeyEvent } from './is-key-event';
import { KEY_DOCUMENTS, KeyDocument } from './key.document';

/** Key documents: for listing and fetching keys, and for finding a key by its secret's hash. */
export const keyProjection: Projection<KeyDocument> = {
  name: 'keys.v1',
  collection: KEY_DOCUMENTS,
  streamPrefixes: [streamCategory(keyStream)],
  documentIds: (event) => (isKeyEvent(event) ? [event.data.key_id] : []),
  apply: (document, event) => {
    if (!isKeyEvent(event)) return document;
    if (event.type === 'KeyCreated') return createdKey(event);
    return document && changedKey(document, event);
  },
};

function createdKey({ data, metadata, revision }: RecordedEvent & KeyCreated): KeyDocument {
  return {
    id: data.key_id,
    hash: data.hash,
    previous_hash: null,
    previous_hash_valid_until: null,
    label: data.label,
    name: data.name,
    scope: data.scope,
    owner_user_id: data.owner_user_id,
    org_id: data.org_id,
    audience:
      data.scope === 'org' && data.org_id !== null
        ? orgAudience(data.org_id)
        : userAudience(data.owner_user_id),
    org_permissions: data.org_permissions,
    scopes: data.scopes,
    disabled: false,
    disabled_reason: null,
    revoked: false,
    limit: data.limit,
    limit_reset: data.limit_reset,
    include_byok_in_limit: data.include_byok_in_limit,
    limit_reset_at: null,
    plan_tier: data.plan_tier,
    routing_preference_id: null,
    has_routing_rules: false,
    routing_rules: null,
    allowed_ips: data.allowed_ips ?? [],
    rate_limits: data.rate_limits ?? [],
    alert_thresholds: data.alert_thresholds ?? [],
    metadata: data.metadata ?? {},
    external_id: data.external_id ?? null,
    created_at: data.created_at,
    secret_issued_at: data.created_at,
    updated_at: metadata.occurred_at,
    expires_at: data.expires_at,
    revoked_at: null,
    revoke_reason: null,
    stream_revision: revision,
    hash_scheme: 'native',
    imported: null,
    leak_reported_at: null,
  };
}

function changedKey(
  key: KeyDocument,
  event: RecordedEvent & Exclude<KeyEvent, KeyCreated>,
): KeyDocument {
  const change = (fields: Partial<KeyDocument>): KeyDocument => ({
    ...key,
    ...fields,
    updated_at: event.metadata.occurred_at,
    stream_revision: event.revision,
  });
  switch (event.type) {
    case 'KeyRenamed':
      return change({ name: event.data.name });
    case 'KeyDisabled':
      return change({ disabled: true, disabled_reason: event.data.reason });
    case 'KeyEnabled':
      return change({ disabled: false, disabled_reason: null });
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit } = event.data;
      return change({ limit, limit_reset, include_byok_in_limit });
    }
    case 'KeyLimitReset':
      return change({ limit_reset_at: event.data.reset_at });
    case 'KeyExpirySet':
      return change({ expires_at: event.data.expires_at });
    case 'PreferenceBound':
      return change({ routing_preference_id: event.data.preference_id });
    case 'PreferenceUnbound':
      return change({ routing_preference_id: null });
    case 'KeyRoutingRulesSet': {
      const { rules, examples, confidence_floor_overrides } = event.data;
      return change({
        has_routing_rules: true,
        routing_rules: { rules, examples, confidence_floor_overrides },
      });
    }
    case 'KeyRoutingRulesCleared':
      return change({ has_routing_rules: false, routing_rules: null });
    case 'KeySecretRotated': {
      const { hash, label, previous_hash, previous_valid_until } = event.data;
      // Without a grace period the old secret stops at once: nothing to look it up by.
      const graced = previous_valid_until !== null;
      return change({
        hash,
        label,
        previous_hash: graced ? previous_hash : null,
        previous_hash_valid_until: previous_valid_until,
        secret_issued_at: event.data.rotated_at,
        // The new secret is one of ours, whatever the key was imported with.
        hash_scheme: 'native',
      });
    }
    case 'KeyIpAllowlistSet':
      return change({ allowed_ips: event.data.allowed_ips });
    case 'KeyRateLimitsSet':
      return change({ rate_limits: event.data.rate_limits });
    case 'KeyAlertThresholdsSet':
      return change({ alert_thresholds: event.data.alert_thresholds });
    case 'KeyMetadataSet':
      return change({ metadata: event.data.metadata });
    case 'KeyExternalIdSet':
      return change({ external_id: event.data.external_id });
    case 'KeyImported': {
      const { hash_algorithm, prefix, origin, imported_at } = event.data;
      return change({ hash_scheme: hash_algorithm, imported: { prefix, origin, imported_at } });
    }
    case 'KeyLeakReported':
      return change({ leak_reported_at: event.data.reported_at });
    case 'KeyRevoked':
      return change({
        revoked: true,
        revoked_at: event.data.revoked_at,
        revoke_reason: event.data.reason,
      });
  }
}
