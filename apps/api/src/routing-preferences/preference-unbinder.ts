import { Inject, Injectable } from '@nestjs/common';
import { DomainError, keyDecider, keyStream } from '@keyledger/domain';
import { EventMetadata, EventStore } from '@keyledger/event-store';
import { KeyDocument } from '@keyledger/read-models';
import { EVENT_STORE } from '../infrastructure/tokens';
import { KeyDirectory } from '../keys/key-directory';
import { decideAndAppend } from '@keyledger/commands';
import { ApiError } from '../shared/errors/api-error';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';
import { lastPosition } from '../shared/writes/write-result';

const PAGE_SIZE = 100;

/** Event metadata for a write on a subject of this org (audit entries file it under that org). */
export type MetadataFor = (orgId: string | null) => EventMetadata;

/** Detaches every key bound to a deleted preference: one `PreferenceUnbound` on each key's stream. */
@Injectable()
export class PreferenceUnbinder {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly keys: KeyDirectory,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * `deletedAt` is the deletion's position (null when an earlier request recorded it and the read
   * model already shows it). Idempotent: a key already detached is a no-op. Returns the last
   * position written, null when no key was bound.
   */
  async detachAll(
    preferenceId: string,
    deletedAt: number | null,
    metadataFor: MetadataFor,
    now: string,
  ): Promise<number | null> {
    // Bindings recorded before the deletion must be in the read model, or a key would be missed;
    // one recorded after it is undone by the binding request itself (see BindKeyPreferenceHandler).
    if (!(await this.readYourWrites.reached(deletedAt))) throw cleanupPending();
    let last: number | null = null;
    let cursor: string | null = null;
    do {
      const page = await this.keys.keys.find({
        where: { routing_preference_id: preferenceId, revoked: false },
        sort: [{ field: 'created_at', direction: 'asc' }],
        limit: PAGE_SIZE,
        cursor,
      });
      for (const key of page.items) {
        last = lastPosition(last, await this.detach(key, preferenceId, metadataFor, now));
      }
      cursor = page.next_cursor;
    } while (cursor !== null);
    return last;
  }

  private async detach(
    key: KeyDocument,
    preferenceId: string,
    metadataFor: MetadataFor,
    now: string,
  ): Promise<number | null> {
    try {
      const outcome = await decideAndAppend(
        this.events,
        keyDecider,
        keyStream(key.id),
        { type: 'DetachDeletedPreference', preference_id: preferenceId, now },
        metadataFor(key.org_id),
      );
      return outcome.position;
    } catch (error) {
      // A key revoked since the query is immutable and never routes again: its history stays.
      if (error instanceof DomainError && error.code === 'key_revoked') return null;
      throw error;
    }
  }
}

const cleanupPending = (): ApiError =>
  new ApiError(
    503,
    'cleanup_pending',
    'The routing preference is deleted, but its bindings could not all be removed yet; repeat the DELETE to finish.',
    [],
    { 'Retry-After': '1' },
  );
