import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandTarget } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { KeyRoutingWriter } from '../../key-routing-writer';

export class ClearKeyRoutingRulesCommand {
  constructor(readonly target: CommandTarget) {}
}

/** Drops the key's own rules; its binding and every shared preference stay as they are. */
@CommandHandler(ClearKeyRoutingRulesCommand)
export class ClearKeyRoutingRulesHandler implements ICommandHandler<
  ClearKeyRoutingRulesCommand,
  WriteResult<null>
> {
  constructor(private readonly writer: KeyRoutingWriter) {}

  async execute({ target }: ClearKeyRoutingRulesCommand): Promise<WriteResult<null>> {
    const result = await this.writer.write(target, (now) => ({
      type: 'ClearKeyRoutingRules',
      now,
    }));
    return { ...result, data: null };
  }
}
