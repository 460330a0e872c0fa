import { Injectable } from '@nestjs/common';
import { DomainError } from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { KeyDirectory, keyStreamOf } from '../keys/key-directory';
import { ApiError } from '../shared/errors/api-error';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';
import { WriteMoment, WritePipeline } from '../shared/writes/write-pipeline';
import { lastPosition } from '../shared/writes/write-result';

const PAGE_SIZE = 100;

/** Detaches every key bound to a deleted preference: one `PreferenceUnbound` on each key's stream. */
@Injectable()
export class PreferenceUnbinder {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly keys: KeyDirectory,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * `deletedAt` is the deletion's position (null when an earlier request recorded it and the read
   * model already shows it); the events are follow-ups at the deletion's `moment`. Idempotent: a key already detached is a no-op. Returns the last
   * position written, null when no key was bound.
   */
  async detachAll(
    preferenceId: string,
    deletedAt: number | null,
    moment: WriteMoment,
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
        last = lastPosition(last, await this.detach(key, preferenceId, moment));
      }
      cursor = page.next_cursor;
    } while (cursor !== null);
    return last;
  }

  private async detach(
    key: KeyDocument,
    preferenceId: string,
    moment: WriteMoment,
  ): Promise<number | null> {
    try {
      const written = await this.pipeline.writeAt(moment, {
        find: () => key,
        streamOf: keyStreamOf,
        commands: (_, now) => [
          { type: 'DetachDeletedPreference' as const, preference_id: preferenceId, now },
        ],
      });
      return written.position;
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
