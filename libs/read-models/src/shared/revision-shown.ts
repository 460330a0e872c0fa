import { RecordedEvent } from '@keyledger/event-store';

/**
 * The revision of a stream that a read-model document reflects: the last event of the stream's
 * history at or before `position`, the global position the document was last written at. This
 * is the ETag of a read, so a document behind its stream never hands out the revision of changes
 * it does not show (a later If-Match would pass over them). Null when it reflects no event yet.
 */
export function revisionShown(history: readonly RecordedEvent[], position: number): number | null {
  let shown: number | null = null;
  for (const event of history) {
    if (event.position > position) break;
    shown = event.revision;
  }
  return shown;
}
