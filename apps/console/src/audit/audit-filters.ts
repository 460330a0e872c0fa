import { AuditFilters } from '@keyledger/client';

/** The audit page's filters as the form holds them. */
export interface AuditFilterDraft {
  readonly actor: string;
  readonly key_id: string;
  readonly event_types: readonly string[];
  /** datetime-local values, in the viewer's zone. */
  readonly from: string;
  readonly to: string;
  readonly org_id: string;
}

/** No filter: the whole log the caller may see. */
export const NO_AUDIT_FILTERS: AuditFilterDraft = {
  actor: '',
  key_id: '',
  event_types: [],
  from: '',
  to: '',
  org_id: '',
};

/** The API's filters for a draft; empty fields send nothing, local times go as UTC instants. */
export function auditQuery(draft: AuditFilterDraft): AuditFilters {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const instant = (value: string) => (value === '' ? undefined : new Date(value).toISOString());
  return {
    actor: text(draft.actor),
    key_id: text(draft.key_id),
    event_type: draft.event_types.length === 0 ? undefined : draft.event_types.join(','),
    from: instant(draft.from),
    to: instant(draft.to),
    org_id: text(draft.org_id),
  };
}
