import { RecordedEvent } from '@keyledger/event-store';
import { Projection } from '../runner/projection';

/** One event, as the audit log lists it. */
export interface AuditEntryDocument {
  readonly id: string;
  readonly position: number;
  readonly stream: string;
  readonly event_type: string;
  /** The key or preference the event is about. */
  readonly subject_id: string | null;
  readonly actor_kind: string;
  readonly actor_id: string;
  readonly org_id: string | null;
  readonly occurred_at: string;
  readonly request_id: string | null;
  readonly correlation_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export const AUDIT_COLLECTION = 'audit_entries';

const subjectOf = (event: RecordedEvent): string | null => {
  const { key_id, preference_id } = event.data as { key_id?: unknown; preference_id?: unknown };
  if (typeof key_id === 'string') return key_id;
  return typeof preference_id === 'string' ? preference_id : null;
};

/** The audit log: every governance event with who, when and from where. */
export const auditEntryProjection: Projection<AuditEntryDocument> = {
  name: 'audit_entries.v1',
  collection: AUDIT_COLLECTION,
  indexes: [{ fields: ['org_id', 'position'] }, { fields: ['subject_id', 'position'] }, { fields: ['actor_id', 'position'] }],
  streamPrefixes: ['key-', 'routing_preference-', 'org-', 'user-'],
  documentIds: (event) => [event.id],
  apply: (_document, event) => ({
    id: event.id,
    position: event.position,
    stream: event.stream,
    event_type: event.type,
    subject_id: subjectOf(event),
    actor_kind: event.metadata.actor.kind,
    actor_id: event.metadata.actor.id,
    org_id: event.metadata.org_id,
    occurred_at: event.metadata.occurred_at,
    request_id: event.metadata.request_id,
    correlation_id: event.metadata.correlation_id,
    ip: event.metadata.ip,
    user_agent: event.metadata.user_agent,
    data: event.data,
  }),
};
