import { AuditLeaf, canonicalJson } from '@keyledger/client';
import { RecordedEvent } from '@keyledger/event-store';
import { NewLeaf } from './audit-tree.types';
import { leafHashOf } from './tree-hashing';

/** The seven fields of an event that its leaf commits to, as the key history route shows them. */
export const auditLeafOf = (event: RecordedEvent): AuditLeaf => ({
  id: event.id,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  recorded_at: event.recorded_at,
});

/**
 * The leaf data: UTF-8 of the JCS of the seven fields. The canonicaliser is the offline
 * verifier's own, so the service and an auditor cannot encode a leaf differently.
 */
export const leafDataOf = (event: RecordedEvent): Buffer =>
  Buffer.from(canonicalJson(auditLeafOf(event)), 'utf8');

/** The leaf an event appends to the tree. */
export const newLeafOf = (event: RecordedEvent): NewLeaf => ({
  event_id: event.id,
  position: event.position,
  hash: leafHashOf(leafDataOf(event)),
});
