import { Injectable } from '@nestjs/common';
import {
  canManageKeyBinding,
  DomainError,
  KeyCommand,
  KeyFacts,
  Principal,
} from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { KeyDirectory, keyStreamOf } from '../keys/key-directory';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';
import { CommandTarget } from '../shared/http/command-target';
import { WritePipeline } from '../shared/writes/write-pipeline';
import { WriteResult } from '../shared/writes/write-result';

/** Routing commands on one key's stream, through the write pipeline: who may send them. */
@Injectable()
export class KeyRoutingWriter {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly keys: KeyDirectory,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * Decides `commandAt(now)` on the target key, once `check` (what else the command needs of the
   * key) passed; answers the key's facts as decided, once reads show them.
   */
  async write(
    target: CommandTarget,
    commandAt: (now: string) => KeyCommand,
    check: (key: KeyDocument) => Promise<void> = async () => {},
  ): Promise<WriteResult<KeyFacts>> {
    const written = await this.pipeline.write(target, {
      find: async () => {
        const key = await this.routableKey(target.principal, target.id);
        await check(key);
        return key;
      },
      streamOf: keyStreamOf,
      commands: (_, now) => [commandAt(now)],
    });
    // The decider refused every command on a missing or revoked key, so the state is active here.
    if (written.state.status !== 'active') throw new DomainError('not_found', 'Key not found.');
    return this.readYourWrites.settle(written.state.key, written);
  }

  /** The key if the principal may change its routing: 404 when it cannot see it, else 403. */
  private async routableKey(principal: Principal, idOrHash: string): Promise<KeyDocument> {
    const key = await this.keys.findVisible(principal, idOrHash);
    if (!canManageKeyBinding(principal, key)) {
      throw new DomainError(
        'forbidden',
        "Changing a key's routing needs the right to manage the key (and the billing scope for API keys).",
      );
    }
    return key;
  }
}
