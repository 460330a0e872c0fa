import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandTarget } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { KeyRoutingRulesView, toKeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingWriter } from '../../key-routing-writer';
import { RoutingContentInput, routingRulesOf } from '../../routing-content.input';

export class SetKeyRoutingRulesCommand {
  constructor(
    readonly target: CommandTarget,
    readonly request: RoutingContentInput,
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
    target,
    request,
  }: SetKeyRoutingRulesCommand): Promise<WriteResult<KeyRoutingRulesView>> {
    const routing = routingRulesOf(request);
    const result = await this.writer.write(target, (now) => ({
      type: 'SetKeyRoutingRules',
      routing,
      now,
    }));
    return { ...result, data: toKeyRoutingRulesView(result.data) };
  }
}
