import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyRoutingWriter } from '../../key-routing-writer';
import { WriteResult } from '../../write-result';

export class ClearKeyRoutingRulesCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly idOrHash: string,
    readonly ifMatch: number | null,
  ) {}
}

/** Drops the key's own rules; its binding and every shared preference stay as they are. */
@CommandHandler(ClearKeyRoutingRulesCommand)
export class ClearKeyRoutingRulesHandler implements ICommandHandler<
  ClearKeyRoutingRulesCommand,
  WriteResult<null>
> {
  constructor(private readonly writer: KeyRoutingWriter) {}

  async execute({
    principal,
    context,
    idOrHash,
    ifMatch,
  }: ClearKeyRoutingRulesCommand): Promise<WriteResult<null>> {
    const key = await this.writer.manageableKey(principal, idOrHash);
    const result = await this.writer.write(
      principal,
      context,
      key,
      (now) => ({ type: 'ClearKeyRoutingRules', now }),
      ifMatch,
    );
    return { ...result, data: null };
  }
}
