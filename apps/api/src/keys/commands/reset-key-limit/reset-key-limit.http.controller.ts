import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerWrite } from '../../../shared/http/answers';
import { KeyEnvelope } from '../../key-view';
import { KeyWriteResult } from '../../key-reader';
import { ApiKeyTarget } from '../../key-target';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { KeyAcceptedResponse, KeyEnvelopeResponse } from '../../key.response';
import { ResetKeyLimitCommand } from './reset-key-limit.handler';
import { ResetKeyLimitRequestDto } from './reset-key-limit.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class ResetKeyLimitHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Restarts the key's usage window now; usage before the reset no longer counts. */
  @Post(':id/limit/reset')
  @HttpCode(200)
  @ApiKeyTarget()
  @ApiOkResponse({ description: '`{ data: Key }`', type: KeyEnvelopeResponse })
  @ApiAccepted(KeyAcceptedResponse)
  async reset(
    @Target() target: CommandTarget,
    @Body() body: ResetKeyLimitRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const result = await this.commands.execute<ResetKeyLimitCommand, KeyWriteResult>(
      new ResetKeyLimitCommand(target, body.reason),
    );
    return { data: answerWrite(reply, result) };
  }
}
