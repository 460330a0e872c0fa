import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyRoutingRulesView, toKeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingWriter } from '../../key-routing-writer';
import { routingRulesOf } from '../../routing-content.dto';
import { WriteResult } from '../../write-result';
import { SetKeyRoutingRulesRequestDto } from './set-key-routing-rules.request.dto';

export class SetKeyRoutingRulesCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly idOrHash: string,
    readonly request: SetKeyRoutingRulesRequestDto,
    readonly ifMatch: number | null,
  ) {}
}

/** Key-first routing: rules kept on the key itself, outranking its binding and every default. */
@CommandHandler(SetKeyRoutingRulesCommand)
export class SetKeyRoutingRulesHandler implements ICommandHandler<
  SetKeyRoutingRulesCommand,
  WriteResult<KeyRoutingRulesView>
> {
  constructor(private readonly writer: KeyRoutingWriter) {}

  async execute({
    principal,
    context,
    idOrHash,
    request,
    ifMatch,
  }: SetKeyRoutingRulesCommand): Promise<WriteResult<KeyRoutingRulesView>> {
    const key = await this.writer.manageableKey(principal, idOrHash);
    const routing = routingRulesOf(request);
    const result = await this.writer.write(
      principal,
      context,
      key,
      (now) => ({ type: 'SetKeyRoutingRules', routing, now }),
      ifMatch,
    );
    return { ...result, data: toKeyRoutingRulesView(result.data) };
  }
}
