import { EventMetadata } from '@keyledger/event-store';
import { Audience } from '../shared/audience';
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
  /** Who may see the key the entry is about (see KeyDocument): the audit log's scope. */
  readonly key_audience: Audience | null;
  /** The owner of that key: a plain org member's log holds the entries of its own keys. */
  readonly key_owner_user_id: string | null;
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

/**
 * The audit log: a caller's page is one query per audience of its keys, in position order, with
 * the other filters checked on the index entries; one key's entries have their own index. No
 * index leads with the event type or the actor: across every org they would tempt a planner
 * away from the caller's audience.
 */
export const AUDIT_ENTRY_DOCUMENTS: CollectionSpec<AuditEntryDocument> = {
  name: 'audit_entries',
  indexes: [
    {
      fields: ['key_audience', 'position'],
      include: ['key_owner_user_id', 'event_type', 'actor_id'],
    },
    { fields: ['key_id', 'position'], include: ['event_type', 'actor_id'] },
  ],
};
