import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { KeyWriteResult } from '../../key-reader';
import { CommandTarget } from '../../../shared/http/command-target';
import { KeyWriter } from '../../key-writer';

export class ResetKeyLimitCommand {
  constructor(
    readonly target: CommandTarget,
    readonly reason: string,
  ) {}
}

/**
 * Restarts the key's usage window by hand (SPEC §3): a KeyLimitReset event whose metadata names
 * the admin who did it, with their reason.
 */
@CommandHandler(ResetKeyLimitCommand)
export class ResetKeyLimitHandler implements ICommandHandler<ResetKeyLimitCommand, KeyWriteResult> {
  constructor(private readonly writer: KeyWriter) {}

  execute({ target, reason }: ResetKeyLimitCommand): Promise<KeyWriteResult> {
    return this.writer.change(target, (now) => [{ type: 'ResetKeyLimit', reason, now }]);
  }
}
