import type { AuditEntryDocument } from '@keyledger/read-models';

/** An audit entry with any field changed. */
export const auditEntry = (changes: Partial<AuditEntryDocument> = {}): AuditEntryDocument => ({
  id: 'evt_1',
  position: 1,
  stream: 'key-k1',
  event_type: 'KeyRevoked',
  key_id: 'k1',
  key_audience: 'org:org_1',
  key_owner_user_id: 'alice',
  preference_id: null,
  actor_kind: 'user',
  actor_id: 'alice',
  org_id: 'org_1',
  occurred_at: '2026-06-01T12:00:00.000Z',
  recorded_at: '2026-06-01T12:00:00.001Z',
  request_id: 'req_1',
  correlation_id: 'corr_1',
  causation_id: null,
  ip: '203.0.113.7',
  user_agent: 'curl/8.5',
  summary: 'Revoked key: leaked',
  data: { key_id: 'k1', reason: 'leaked', revoked_at: '2026-06-01T12:00:00.000Z' },
  ...changes,
});

/**
 * Yields `count` entries, counting how many were pulled so far. Their payloads are empty, so a
 * million of them format in seconds: the count, not the content, is what these tests look at.
 */
export function countedEntries(count: number): {
  readonly entries: AsyncIterable<AuditEntryDocument>;
  readonly pulled: () => number;
} {
  let pulled = 0;
  async function* entries(): AsyncGenerator<AuditEntryDocument> {
    for (let position = 1; position <= count; position++) {
      pulled++;
      yield auditEntry({ id: `evt_${position}`, position, data: {} });
    }
  }
  return { entries: entries(), pulled: () => pulled };
}

/**
 * Drains a formatter over `count` entries, recording the most entries it ever pulled ahead of the
 * lines handed out: a formatter that buffers its input shows a lead of about `count`.
 */
export async function greatestLead(
  format: (entries: AsyncIterable<AuditEntryDocument>) => AsyncIterable<string>,
  headerLines: number,
  count: number,
): Promise<{ readonly lines: number; readonly lead: number }> {
  const source = countedEntries(count);
  let lines = 0;
  let lead = 0;
  const output = format(source.entries)[Symbol.asyncIterator]();
  while (!(await output.next()).done) {
    lines++;
    lead = Math.max(lead, source.pulled() - (lines - headerLines));
  }
  return { lines, lead };
}
