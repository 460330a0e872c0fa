/** The filters the audit log and its export share: each narrows, and all of them combine. */
export interface AuditFiltersInput {
  /** The actor's id (a user, or an API key). */
  readonly actor?: string;
  readonly key_id?: string;
  readonly event_type?: readonly string[];
  /** Entries that happened at or after this time. */
  readonly from?: string;
  /** Entries that happened before this time (exclusive). */
  readonly to?: string;
  readonly org_id?: string;
}
