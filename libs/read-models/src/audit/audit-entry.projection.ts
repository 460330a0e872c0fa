import { keyStream, limitAlertStream, routingPreferenceStream } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { OWNER_STREAM_PREFIXES } from '../defaults/owner-stream-prefixes';
import { Projection } from '../projection/projection';
import { streamCategory } from '../projection/stream-category';
import { isOrgKeyPolicyEvent } from '../org-key-policy/is-org-key-policy-event';
import { Audience, orgAudience } from '../shared/audience';
import { AUDIT_ENTRY_DOCUMENTS, AuditEntryDocument } from './audit-entry.document';
import { auditSummary } from './audit-summary';

/** Whose a key is, as the audit log files its entries. */
export interface KeyOwner {
  readonly audience: Audience;
  readonly owner_user_id: string;
}

/** The owner of a key by its id, or null when unknown. */
export type KeyOwners = (keyId: string) => KeyOwner | null;

const idField = (event: RecordedEvent, field: 'key_id' | 'preference_id'): string | null => {
  const value = event.data[field];
  return typeof value === 'string' ? value : null;
};

/**
 * The audit log: one entry per governance event, written once and never changed, filed under
 * the owner of its key as `owners` tells it (a key's owner and audience never change).
 */
export function auditEntries(owners: KeyOwners): Projection<AuditEntryDocument> {
  return {
    // v3: limit alerts, on their own streams, are audit entries too.
    name: 'audit_entries.v3',
    collection: AUDIT_ENTRY_DOCUMENTS,
    streamPrefixes: [
      streamCategory(keyStream),
      streamCategory(routingPreferenceStream),
      streamCategory(limitAlertStream),
      ...OWNER_STREAM_PREFIXES,
    ],
    documentIds: (event) => [event.id],
    appendOnly: true,
    apply: (entry, event) => entry ?? auditEntry(event, owners),
  };
}

/** The audit log's entries as events make them, with no key owners known (history, exports). */
export const auditEntryProjection = auditEntries(() => null);

function auditEntry(event: RecordedEvent, owners: KeyOwners): AuditEntryDocument {
  const { actor, org_id, occurred_at, request_id, correlation_id, causation_id, ip, user_agent } =
    event.metadata;
  const key_id = idField(event, 'key_id');
  // An org's key policy is filed under the org, like its org keys: its key administrators see it.
  const owner = isOrgKeyPolicyEvent(event)
    ? { audience: orgAudience(event.data.org_id), owner_user_id: null }
    : key_id === null
      ? null
      : owners(key_id);
  return {
    id: event.id,
    position: event.position,
    stream: event.stream,
    event_type: event.type,
    key_id,
    key_audience: owner?.audience ?? null,
    key_owner_user_id: owner?.owner_user_id ?? null,
    preference_id: idField(event, 'preference_id'),
    actor_kind: actor.kind,
    actor_id: actor.id,
    org_id,
    occurred_at,
    recorded_at: event.recorded_at,
    request_id,
    correlation_id,
    causation_id,
    ip,
    user_agent,
    summary: auditSummary(event),
    data: event.data,
  };
}
