import { EventMetadata } from '@keyledger/event-store';
import { CollectionSpec } from '../store/read-store.port';

/** One governance event as the audit log lists it: who did what, when, and from where. */
export interface AuditEntryDocument {
  /** The event's id. */
  readonly id: string;
  /** The event's global position: the audit log's order and cursor. */
  readonly position: number;
  readonly stream: string;
  readonly event_type: string;
  readonly key_id: string | null;
  readonly preference_id: string | null;
  readonly actor_kind: EventMetadata['actor']['kind'];
  readonly actor_id: string;
  /** The org the command acted in, as recorded in the event's metadata. */
  readonly org_id: string | null;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly request_id: string | null;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  /** One readable sentence about the change. */
  readonly summary: string;
  /** The event's payload: exactly what changed (events never carry a secret). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The audit log, indexed for the filters an org audit query combines with position order. */
export const AUDIT_ENTRY_DOCUMENTS: CollectionSpec<AuditEntryDocument> = {
  name: 'audit_entries',
  indexes: [
    { fields: ['org_id', 'position'] },
    { fields: ['key_id', 'position'] },
    { fields: ['preference_id', 'position'] },
    { fields: ['actor_id', 'position'] },
    { fields: ['event_type', 'position'] },
  ],
};
