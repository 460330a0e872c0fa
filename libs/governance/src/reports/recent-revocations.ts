import { KeyRevoked } from '@keyledger/domain';
import { EventMetadata, RecordedEvent } from '@keyledger/event-store';
import { eventGuard } from '@keyledger/read-models';

/** Who revoked which key, when, and why. */
export interface RevocationRow {
  readonly key_id: string;
  readonly revoked_at: string;
  readonly actor_kind: EventMetadata['actor']['kind'];
  readonly actor_id: string;
  readonly org_id: string | null;
  readonly reason: string | null;
}

const isRevocation = eventGuard<KeyRevoked>({ KeyRevoked: true });

/**
 * Revocations at or after `since`, in event order, with the actor from the event's metadata.
 * Feed it the key streams read from a position near `since`; it skips everything else.
 */
export async function* recentRevocations(
  events: AsyncIterable<RecordedEvent>,
  since: Date,
): AsyncGenerator<RevocationRow> {
  for await (const event of events) {
    if (!isRevocation(event) || Date.parse(event.data.revoked_at) < since.getTime()) continue;
    const { actor, org_id } = event.metadata;
    yield {
      key_id: event.data.key_id,
      revoked_at: event.data.revoked_at,
      actor_kind: actor.kind,
      actor_id: actor.id,
      org_id,
      reason: event.data.reason,
    };
  }
}
