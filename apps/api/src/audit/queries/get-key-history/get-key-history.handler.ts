import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { keyStream, Principal } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { KeyDirectory } from '../../../keys/key-directory';
import { KeyHistoryEntry, toKeyHistoryEntry } from './key-history-entry';

export class GetKeyHistoryQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** A key's history: `data` holds every event of its stream, oldest first. */
export interface KeyHistory {
  readonly key_id: string;
  readonly data: KeyHistoryEntry[];
}

/**
 * Every event of a visible key's stream, read from the event store itself (the record, not a
 * projection of it). Whoever can see the key sees its history, as with `GET /keys/{id}`; an
 * invisible key is as missing as an absent one.
 */
@QueryHandler(GetKeyHistoryQuery)
export class GetKeyHistoryHandler implements IQueryHandler<GetKeyHistoryQuery, KeyHistory> {
  constructor(
    private readonly directory: KeyDirectory,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ principal, idOrHash }: GetKeyHistoryQuery): Promise<KeyHistory> {
    const key = await this.directory.findVisible(principal, idOrHash);
    const stream = await this.events.readStream(keyStream(key.id));
    return { key_id: key.id, data: stream.map(toKeyHistoryEntry) };
  }
}
