import type { AuditEntryDocument } from '@keyledger/read-models';

/** Who revoked which key, when, and why. */
export interface RevocationRow {
  readonly key_id: string;
  readonly revoked_at: string;
  readonly actor_kind: AuditEntryDocument['actor_kind'];
  readonly actor_id: string;
  readonly org_id: string | null;
  readonly reason: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Revocations at or after `since`, in the entries' order, with the actor the audit log recorded.
 * Feed it the `KeyRevoked` entries of the covered keys; it skips everything else.
 */
export async function* recentRevocations(
  entries: AsyncIterable<AuditEntryDocument>,
  since: Date,
): AsyncGenerator<RevocationRow> {
  for await (const entry of entries) {
    const revokedAt = text(entry.data.revoked_at);
    const keyId = entry.key_id;
    if (entry.event_type !== 'KeyRevoked' || revokedAt === null || keyId === null) continue;
    if (Date.parse(revokedAt) < since.getTime()) continue;
    yield {
      key_id: keyId,
      revoked_at: revokedAt,
      actor_kind: entry.actor_kind,
      actor_id: entry.actor_id,
      org_id: entry.org_id,
      reason: text(entry.data.reason),
    };
  }
}
