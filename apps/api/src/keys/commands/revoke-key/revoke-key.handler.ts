import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canManageKey,
  Clock,
  DomainError,
  keyDecider,
  keyStream,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '../../../shared/commands/decide-and-append';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { KeyDirectory } from '../../key-directory';
import { KeyReader, KeyWriteResult } from '../../key-reader';

export class RevokeKeyCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly idOrHash: string,
    readonly reason: string | null,
    readonly ifMatch: number | null,
  ) {}
}

/** Revocation is terminal and keeps the key's history: DELETE never erases. */
@CommandHandler(RevokeKeyCommand)
export class RevokeKeyHandler implements ICommandHandler<RevokeKeyCommand, KeyWriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: KeyDirectory,
    private readonly reader: KeyReader,
  ) {}

  async execute({
    principal,
    context,
    idOrHash,
    reason,
    ifMatch,
  }: RevokeKeyCommand): Promise<KeyWriteResult> {
    const key = await this.directory.findVisible(principal, idOrHash);
    if (!canManageKey(principal, key))
      throw new DomainError('forbidden', 'Managing this key needs the manageApiKeys permission.');
    const now = this.clock.now();
    const outcome = await decideAndAppend(
      this.events,
      keyDecider,
      keyStream(key.id),
      { type: 'RevokeKey', reason, now: now.toISOString() },
      eventMetadata(principal, context, key.org_id, now),
      { ifMatch },
    );
    return this.reader.afterWrite(key.id, outcome);
  }
}
