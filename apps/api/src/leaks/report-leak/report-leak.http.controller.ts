import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { Context } from '../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../shared/request-context/request-context';
import { ReportLeakCommand } from './report-leak.handler';
import { ReportLeakRequestDto } from './report-leak.request.dto';

/** The one answer of a leak report, whatever the secret was. */
export interface LeakReportReceipt {
  readonly data: { readonly received: true };
}

/** `{ data: { received: true } }`. */
class LeakReportReceivedResponse {
  @ApiProperty({ type: Boolean, enum: [true] })
  readonly received!: true;
}

/** `LeakReportReceipt` in the OpenAPI document. */
export class LeakReportReceiptResponse implements LeakReportReceipt {
  @ApiProperty({ type: LeakReportReceivedResponse })
  readonly data!: LeakReportReceivedResponse;
}

const RECEIVED: LeakReportReceipt = { data: { received: true } };

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class ReportLeakHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Reports a secret found where it should not be. If it is a key's, the key is disabled,
   * revoked or only flagged (its org policy's `leaked_key_action`, else LEAKED_KEY_ACTION), with
   * `KeyLeakReported` and the `key.leak_reported` webhook. The answer is the same 202 whether
   * or not the secret matched, so a report reveals nothing about it.
   */
  @Post('report-leak')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'Always `{ data: { received: true } }`.',
    type: LeakReportReceiptResponse,
  })
  async report(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: ReportLeakRequestDto,
  ): Promise<LeakReportReceipt> {
    await this.commands.execute(new ReportLeakCommand(principal, context, body));
    return RECEIVED;
  }
}
