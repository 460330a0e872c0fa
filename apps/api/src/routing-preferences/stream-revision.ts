import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

/** The current revision of a stream: the ETag reads hand out for a later `If-Match`. */
@Injectable()
export class StreamRevision {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The revision of the stream's last event, or null while it is empty. */
  async of(stream: string): Promise<number | null> {
    // Preference and key streams hold lifecycle events only (usage is counted elsewhere): short.
    const history = await this.events.readStream(stream);
    return history.length > 0 ? history[history.length - 1].revision : null;
  }
}
