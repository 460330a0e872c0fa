import { Injectable } from '@nestjs/common';
import { KeyCommand } from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { OrgKeyPolicies } from '../org-key-policy/org-key-policies';
import { CommandTarget } from '../shared/http/command-target';
import { WritePipeline } from '../shared/writes/write-pipeline';
import { KeyDirectory, keyStreamOf } from './key-directory';
import { KeyReader, KeyWriteResult } from './key-reader';

/**
 * Runs management commands on an existing key through the write pipeline: invisible is 404,
 * visible but not manageable is 403, and the commands' events are one append at the revision
 * they were decided on (If-Match → 412). Revoked keys refuse every change (409 `key_revoked`,
 * from the decider). Answers the key as the read model shows it afterwards.
 */
@Injectable()
export class KeyWriter {
  constructor(
    private readonly pipeline: WritePipeline,
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
    target: CommandTarget,
    commandsAt: (now: string) => readonly KeyCommand[],
    policy: PolicyCheck | null = null,
  ): Promise<KeyWriteResult> {
    const written = await this.pipeline.write(target, {
      find: () => this.directory.findManageable(target.principal, target.id),
      streamOf: keyStreamOf,
      commands: async (key, now) => {
        const commands = commandsAt(now);
        return [...commands, ...(await this.conformance(key, commands, policy, now))];
      },
    });
    return this.reader.afterWrite(written.subject.id, written);
  }

  /** The policy check that follows the commands, if the key's org policy holds them. */
  private async conformance(
    key: KeyDocument,
    commands: readonly KeyCommand[],
    policy: PolicyCheck | null,
    now: string,
  ): Promise<readonly KeyCommand[]> {
    const checked = policy !== null && key.org_id !== null && key.scope === 'org';
    if (!checked || commands.every((command) => command.type === 'DisableKey')) return [];
    return [
      {
        type: 'ConformToKeyPolicy',
        policy: (await this.policies.of(key.org_id as string)).policy,
        expiry_named: policy.expiryNamed,
        now,
      },
    ];
  }
}

/** How a write is held to the key's org policy: updates and rotations are, other writes not. */
export interface PolicyCheck {
  /** Whether the request names `expires_at` (checked as given, never filled in). */
  readonly expiryNamed: boolean;
}
