import { KeyEvent } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { Projection } from '../runner/projection';
import { keyAudience, KeyDocument } from './key.document';

export const KEYS_COLLECTION = 'keys';

/** Key documents for listing, fetching and authenticating keys. */
export const keyProjection: Projection<KeyDocument> = {
  name: 'keys.v1',
  collection: KEYS_COLLECTION,
  indexes: [
    { fields: ['hash'], unique: true },
    { fields: ['previous_hash'] },
    { fields: ['audience', 'created_at'] },
    { fields: ['owner_user_id', 'created_at'] },
    { fields: ['org_id', 'created_at'] },
  ],
  streamPrefixes: ['key-'],
  documentIds: (event) => (typeof event.data.key_id === 'string' ? [event.data.key_id] : []),
  apply: (document, recorded) => applyKeyEvent(document, recorded as unknown as KeyEvent & RecordedEvent),
};

function applyKeyEvent(document: KeyDocument | null, event: KeyEvent & RecordedEvent): KeyDocument | null {
  const updated_at = event.metadata.occurred_at;
  if (event.type === 'KeyCreated') {
    const { key_id, ...data } = event.data;
    return {
      ...data,
      id: key_id,
      previous_hash: null,
      previous_hash_valid_until: null,
      audience: keyAudience(data.scope, data.owner_user_id, data.org_id),
      disabled: false,
      revoked: false,
      routing_preference_id: null,
      routing_rules: null,
      updated_at,
      revoked_at: null,
      revoke_reason: null,
      disabled_reason: null,
      limit_reset_at: null,
    };
  }
  if (document === null) return null;
  const next = (changes: Partial<KeyDocument>): KeyDocument => ({ ...document, ...changes, updated_at });
  switch (event.type) {
    case 'KeyRenamed':
      return next({ name: event.data.name });
    case 'KeyDisabled':
      return next({ disabled: true, disabled_reason: event.data.reason });
    case 'KeyEnabled':
      return next({ disabled: false, disabled_reason: null });
    case 'KeyLimitSet': {
      const { limit, limit_reset, include_byok_in_limit } = event.data;
      return next({ limit, limit_reset, include_byok_in_limit });
    }
    case 'KeyLimitReset':
      return next({ limit_reset_at: event.data.reset_at });
    case 'KeyExpirySet':
      return next({ expires_at: event.data.expires_at });
    case 'PreferenceBound':
      return next({ routing_preference_id: event.data.preference_id });
    case 'PreferenceUnbound':
      return next({ routing_preference_id: null });
    case 'KeyRoutingRulesSet': {
      const { rules, examples, confidence_floor_overrides } = event.data;
      return next({ routing_rules: { rules, examples, confidence_floor_overrides } });
    }
    case 'KeyRoutingRulesCleared':
      return next({ routing_rules: null });
    case 'KeySecretRotated':
      return next({
        hash: event.data.hash,
        label: event.data.label,
        previous_hash: event.data.previous_valid_until === null ? null : event.data.previous_hash,
        previous_hash_valid_until: event.data.previous_valid_until,
      });
    case 'KeyRevoked':
      return next({ revoked: true, revoked_at: event.data.revoked_at, revoke_reason: event.data.reason });
    default:
      return document;
  }
}
