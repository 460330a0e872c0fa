import { keyStream, routingPreferenceStream } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { OWNER_STREAM_PREFIXES } from '../defaults/owner-stream-prefixes';
import { Projection } from '../projection/projection';
import { streamCategory } from '../projection/stream-category';
import { AUDIT_ENTRY_DOCUMENTS, AuditEntryDocument } from './audit-entry.document';
import { auditSummary } from './audit-summary';

const idField = (event: RecordedEvent, field: 'key_id' | 'preference_id'): string | null => {
  const value = event.data[field];
  return typeof value === 'string' ? value : null;
};

/** The audit log: one entry per governance event, written once and never changed. */
export const auditEntryProjection: Projection<AuditEntryDocument> = {
  name: 'audit_entries.v1',
  collection: AUDIT_ENTRY_DOCUMENTS,
  streamPrefixes: [
    streamCategory(keyStream),
    streamCategory(routingPreferenceStream),
    ...OWNER_STREAM_PREFIXES,
  ],
  documentIds: (event) => [event.id],
  apply: (entry, event) => entry ?? auditEntry(event),
};

function auditEntry(event: RecordedEvent): AuditEntryDocument {
  const { actor, org_id, occurred_at, request_id, correlation_id, causation_id, ip, user_agent } =
    event.metadata;
  return {
    id: event.id,
    position: event.position,
    stream: event.stream,
    event_type: event.type,
    key_id: idField(event, 'key_id'),
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
