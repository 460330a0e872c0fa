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
import { OrgKeyPolicies } from '../org-key-policy/org-key-policies';
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
    private readonly policies: OrgKeyPolicies,
  ) {}

  /**
   * Decides `commandsAt(now)` in order against the key's stream and reads the key back. With
   * `policy`, an org key must come out of the commands within its org's key policy (see
   * `ConformToKeyPolicy`) unless they only disable it: stopping a compromised key is never refused.
   */
  async change(
    { principal, context, idOrHash, ifMatch }: KeyTarget,
    commandsAt: (now: string) => readonly KeyCommand[],
    policy: PolicyCheck | null = null,
  ): Promise<KeyWriteResult> {
    const key = await this.directory.findVisible(principal, idOrHash);
    if (!canManageKey(principal, key)) throw mayNotManage(principal);
    const now = this.clock.now();
    const commands = commandsAt(now.toISOString());
    const checked = policy !== null && key.org_id !== null && key.scope === 'org';
    const conform: readonly KeyCommand[] =
      checked && commands.some((command) => command.type !== 'DisableKey')
        ? [
            {
              type: 'ConformToKeyPolicy',
              policy: (await this.policies.of(key.org_id as string)).policy,
              expiry_named: policy.expiryNamed,
              now: now.toISOString(),
            },
          ]
        : [];
    const outcome = await decideAllAndAppend(
      this.events,
      keyDecider,
      keyStream(key.id),
      [...commands, ...conform],
      eventMetadata(principal, context, key.org_id, now),
      { ifMatch },
    );
    return this.reader.afterWrite(key.id, outcome);
  }
}

/** How a write is held to the key's org policy: updates and rotations are, other writes not. */
export interface PolicyCheck {
  /** Whether the request names `expires_at` (checked as given, never filled in). */
  readonly expiryNamed: boolean;
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
