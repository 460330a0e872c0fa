import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { KeyWriteResult } from '../../key-reader';
import { CommandTarget } from '../../../shared/http/command-target';
import { KeyWriter } from '../../key-writer';

export class RevokeKeyCommand {
  constructor(
    readonly target: CommandTarget,
    readonly reason: string | null,
  ) {}
}

/** Revocation is terminal and keeps the key's history: DELETE never erases. */
@CommandHandler(RevokeKeyCommand)
export class RevokeKeyHandler implements ICommandHandler<RevokeKeyCommand, KeyWriteResult> {
  constructor(private readonly writer: KeyWriter) {}

  execute({ target, reason }: RevokeKeyCommand): Promise<KeyWriteResult> {
    return this.writer.change(target, (now) => [{ type: 'RevokeKey', reason, now }]);
  }
}
