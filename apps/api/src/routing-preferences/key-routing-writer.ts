import { Inject, Injectable } from '@nestjs/common';
import {
  canManageKeyBinding,
  Clock,
  DomainError,
  KeyCommand,
  keyDecider,
  KeyFacts,
  keyStream,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { KeyDocument } from '@keyledger/read-models';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { KeyDirectory } from '../keys/key-directory';
import { decideAndAppend } from '@keyledger/commands';
import { eventMetadata, RequestContext } from '../shared/request-context/request-context';
import { ReadYourWrites } from './read-your-writes';
import { WriteResult } from './write-result';

/** Routing commands on one key's stream: who may send them, the append, read-your-writes. */
@Injectable()
export class KeyRoutingWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: KeyDirectory,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The key if the principal may change its routing: 404 when it cannot see it, else 403. */
  async manageableKey(principal: Principal, idOrHash: string): Promise<KeyDocument> {
    const key = await this.keys.findVisible(principal, idOrHash);
    if (!canManageKeyBinding(principal, key)) {
      throw new DomainError(
        'forbidden',
        "Changing a key's routing needs the right to manage the key (and the billing scope for API keys).",
      );
    }
    return key;
  }

  /** Decides and appends the command; answers the key's facts as decided. */
  async write(
    principal: Principal,
    context: RequestContext,
    key: KeyDocument,
    command: (now: string) => KeyCommand,
    ifMatch: number | null,
  ): Promise<WriteResult<KeyFacts>> {
    const now = this.clock.now();
    const outcome = await decideAndAppend(
      this.events,
      keyDecider,
      keyStream(key.id),
      command(now.toISOString()),
      eventMetadata(principal, context, key.org_id, now),
      { ifMatch },
    );
    // The decider refused every command on a missing or revoked key, so the state is active here.
    if (outcome.state.status !== 'active') throw new DomainError('not_found', 'Key not found.');
    return this.readYourWrites.settle(outcome.state.key, outcome);
  }
}
