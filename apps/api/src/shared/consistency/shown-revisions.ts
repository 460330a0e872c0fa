import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@keyledger/event-store';
import { revisionShown } from '@keyledger/read-models';
import { EVENT_STORE } from '../../infrastructure/tokens';

/**
 * The one ETag rule of every read: the revision of what the response shows. A read-model
 * document remembers the position it was last written at; the stream, read after it, holds
 * every event up to there.
 */
@Injectable()
export class ShownRevisions {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The revision of `stream` that a document last written at `position` reflects. */
  async of(stream: string, position: number): Promise<number | null> {
    // Key and preference streams hold lifecycle events only (usage is counted elsewhere): short.
    return revisionShown(await this.events.readStream(stream), position);
  }
}
