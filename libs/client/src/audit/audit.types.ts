import { FieldList } from '../core/field-list';

/** Who acted: a user through a session token, an API key, or the service itself. */
export type ActorKind = 'user' | 'api_key' | 'system';

/** One audit log entry (SPEC §6): who did what to which key, when and from where. */
export interface AuditEntry {
  /** The event's id. */
  readonly id: string;
  /** The event's global position: the log's order and cursor. */
  readonly position: number;
  readonly stream: string;
  /** The stored event type (`KeyDisabled`). */
  readonly event_type: string;
  /** A short name for the type (`Key disabled`). */
  readonly label: string;
  readonly key_id: string | null;
  /** Who may see that key: `user:<id>` (personal) or `org:<id>`; the log's scope. */
  readonly key_audience: `user:${string}` | `org:${string}` | null;
  /** The owner of that key. */
  readonly key_owner_user_id: string | null;
  readonly preference_id: string | null;
  readonly actor_kind: ActorKind;
  readonly actor_id: string;
  /** The org the command acted in. */
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
  /** The event's payload: exactly what changed (never a secret). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The fields of AuditEntry. */
export const AUDIT_ENTRY_FIELDS: FieldList<AuditEntry> = {
  id: 'required',
  position: 'required',
  stream: 'required',
  event_type: 'required',
  label: 'required',
  key_id: 'required',
  key_audience: 'required',
  key_owner_user_id: 'required',
  preference_id: 'required',
  actor_kind: 'required',
  actor_id: 'required',
  org_id: 'required',
  occurred_at: 'required',
  recorded_at: 'required',
  request_id: 'required',
  correlation_id: 'required',
  causation_id: 'required',
  ip: 'required',
  user_agent: 'required',
  summary: 'required',
  data: 'required',
};

/** The stored key event types in lifecycle order, then org-wide ones: what `event_type` accepts. */
export const AUDIT_EVENT_TYPES = [
  'KeyCreated',
  'KeyRenamed',
  'KeyDisabled',
  'KeyEnabled',
  'KeyLimitSet',
  'KeyLimitReset',
  'KeyExpirySet',
  'PreferenceBound',
  'PreferenceUnbound',
  'KeyRoutingRulesSet',
  'KeyRoutingRulesCleared',
  'KeySecretRotated',
  'KeyIpAllowlistSet',
  'KeyRateLimitsSet',
  'KeyAlertThresholdsSet',
  'KeyMetadataSet',
  'KeyExternalIdSet',
  'KeyImported',
  'KeyLeakReported',
  'KeyRevoked',
  'OrgKeyPolicySet',
  'KeyLimitThresholdReached',
] as const;

/** The filters the audit log and its export share; all of them combine. */
export type AuditFilters = {
  /** A user id or an API key id. */
  readonly actor?: string;
  /** The key's id or hash. */
  readonly key_id?: string;
  /** Stored event types, comma-separated (`KeyDisabled,KeyRevoked`). */
  readonly event_type?: string;
  /** ISO-8601: at or after. */
  readonly from?: string;
  /** ISO-8601: before (exclusive). */
  readonly to?: string;
  readonly org_id?: string;
};

/** Query of `GET /api/v1/audit`. */
export type ListAuditQuery = AuditFilters & {
  readonly cursor?: string;
  /** Page size, 1–200. */
  readonly limit?: number;
  /** By position: newest first (`desc`, the default) or oldest first. */
  readonly order?: 'desc' | 'asc';
};

/** The parameters of ListAuditQuery. */
export const LIST_AUDIT_FIELDS: FieldList<ListAuditQuery> = {
  actor: 'optional',
  key_id: 'optional',
  event_type: 'optional',
  from: 'optional',
  to: 'optional',
  org_id: 'optional',
  cursor: 'optional',
  limit: 'optional',
  order: 'optional',
};

/** The formats the audit log exports to. */
export type AuditExportFormat = 'ndjson' | 'csv';

/** Query of `GET /api/v1/audit/export`. */
export type ExportAuditQuery = AuditFilters & { readonly format?: AuditExportFormat };

/** The parameters of ExportAuditQuery. */
export const EXPORT_AUDIT_FIELDS: FieldList<ExportAuditQuery> = {
  actor: 'optional',
  key_id: 'optional',
  event_type: 'optional',
  from: 'optional',
  to: 'optional',
  org_id: 'optional',
  format: 'optional',
};

/** Who, on whose behalf, from where and when, exactly as recorded with an event. */
export interface EventMetadata {
  readonly actor: { readonly kind: ActorKind; readonly id: string };
  readonly org_id: string | null;
  readonly request_id: string | null;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  /** When the command was decided. */
  readonly occurred_at: string;
  readonly schema_version: number;
}

/** One event of a key's stream, as its history shows it. */
export interface KeyHistoryEntry {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  /** One sentence about the change (`Disabled key: leaked`). */
  readonly summary: string;
  readonly revision: number;
  readonly position: number;
  readonly recorded_at: string;
  readonly metadata: EventMetadata;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The fields of KeyHistoryEntry. */
export const KEY_HISTORY_ENTRY_FIELDS: FieldList<KeyHistoryEntry> = {
  id: 'required',
  type: 'required',
  label: 'required',
  summary: 'required',
  revision: 'required',
  position: 'required',
  recorded_at: 'required',
  metadata: 'required',
  data: 'required',
};
