import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { RequestContext } from '../../shared/request-context/request-context';
import { WritePipeline } from '../../shared/writes/write-pipeline';
import { LeakResponder } from '../leak-responder';
import { ReportLeakRequestDto } from './report-leak.request.dto';

export class ReportLeakCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: ReportLeakRequestDto,
  ) {}
}

/**
 * A management caller reports a secret it found. Whoever holds a secret may report it, whether
 * or not they could see its key: stopping a leaked key is never refused. The caller learns
 * nothing about the secret (see the controller); the key's audit trail names the reporter.
 */
@CommandHandler(ReportLeakCommand)
export class ReportLeakHandler implements ICommandHandler<ReportLeakCommand, void> {
  constructor(
    private readonly responder: LeakResponder,
    private readonly pipeline: WritePipeline,
  ) {}

  async execute({ principal, context, request }: ReportLeakCommand): Promise<void> {
    await this.responder.respond(
      {
        secret: request.secret,
        source_url: request.source_url ?? null,
        source: request.source ?? 'report',
        reporter: 'management_api',
      },
      this.pipeline.moment({ principal, context }),
    );
  }
}
