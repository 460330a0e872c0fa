import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { setWriteHeaders } from '../shared/http/write-headers';

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

/** A read answer with the revision to send back in `If-Match`. */
export interface Versioned<T> {
  readonly data: T;
  readonly revision: number | null;
}

/** Sets the `ETag` of a read answer and returns its data. */
export function answerRead<T>(reply: FastifyReply, result: Versioned<T>): T {
  setWriteHeaders(reply, { revision: result.revision, position: null });
  return result.data;
}
