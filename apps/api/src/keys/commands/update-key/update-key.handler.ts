import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { KeyWriteResult } from '../../key-reader';
import { CommandTarget } from '../../../shared/http/command-target';
import { KeyWriter } from '../../key-writer';
import { keyChanges } from './key-changes';
import { UpdateKeyInput } from './update-key.input';

export class UpdateKeyCommand {
  constructor(
    readonly target: CommandTarget,
    readonly changes: UpdateKeyInput,
  ) {}
}

/** Every change a PATCH names, decided in order and written as one append (all or nothing). */
@CommandHandler(UpdateKeyCommand)
export class UpdateKeyHandler implements ICommandHandler<UpdateKeyCommand, KeyWriteResult> {
  constructor(private readonly writer: KeyWriter) {}

  execute({ target, changes }: UpdateKeyCommand): Promise<KeyWriteResult> {
    return this.writer.change(target, (now) => keyChanges(changes, now), {
      expiryNamed: changes.expires_at !== undefined,
    });
  }
}
