import { Inject, Injectable } from '@nestjs/common';
import {
  canManageKey,
  Clock,
  DomainError,
  keyDecider,
  KeyCommand,
  keyStream,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { decideAllAndAppend } from '@keyledger/commands';
import { eventMetadata } from '../shared/request-context/request-context';
import { KeyDirectory } from './key-directory';
import { KeyReader, KeyWriteResult } from './key-reader';
import { KeyTarget } from './key-target';

/**
 * Runs management commands on an existing key: invisible is 404, visible but not manageable is
 * 403, and the commands' events are one append at the revision they were decided on (If-Match
 * → 412). Revoked keys refuse every change (409 `key_revoked`, from the decider).
 */
@Injectable()
export class KeyWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: KeyDirectory,
    private readonly reader: KeyReader,
  ) {}

  /** Decides `commandsAt(now)` in order against the key's stream and reads the key back. */
  async change(
    { principal, context, idOrHash, ifMatch }: KeyTarget,
    commandsAt: (now: string) => readonly KeyCommand[],
  ): Promise<KeyWriteResult> {
    const key = await this.directory.findVisible(principal, idOrHash);
    if (!canManageKey(principal, key)) throw mayNotManage(principal);
    const now = this.clock.now();
    const outcome = await decideAllAndAppend(
      this.events,
      keyDecider,
      keyStream(key.id),
      commandsAt(now.toISOString()),
      eventMetadata(principal, context, key.org_id, now),
      { ifMatch },
    );
    return this.reader.afterWrite(key.id, outcome);
  }
}

/** Names what the caller lacks: a key caller its scope, a user the org permission. */
function mayNotManage(principal: Principal): DomainError {
  return new DomainError(
    'forbidden',
    principal.kind === 'api_key' && !principal.scopes.includes('management')
      ? 'Administering keys with an API key needs its management scope.'
      : 'Managing this key needs the manageApiKeys permission in its organization.',
  );
}
