import { AuditEntryDocument } from '@keyledger/read-models';
import { eventLabel } from './key-event-labels';

/** An audit log entry as the API shows it: the stored entry and a short label of its type. */
export type AuditEntryView = AuditEntryDocument & { readonly label: string };

/** Adds the label to a stored entry. */
export const toAuditEntryView = (entry: AuditEntryDocument): AuditEntryView => ({
  ...entry,
  label: eventLabel(entry.event_type),
});
