import { Body, Controller, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerWrite } from '../../../shared/http/answers';
import { KeyEnvelope } from '../../key-view';
import { KeyWriteResult } from '../../key-reader';
import { ApiKeyTarget } from '../../key-target';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { KeyAcceptedResponse, KeyEnvelopeResponse } from '../../key.response';
import { UpdateKeyCommand } from './update-key.handler';
import { UpdateKeyRequestDto } from './update-key.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class UpdateKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Renames, disables or enables, sets limits or expiry (by id or hash), all in one write. A body
   * that changes nothing writes nothing and keeps the ETag.
   */
  @Patch(':id')
  @ApiKeyTarget()
  @ApiOkResponse({ description: '`{ data: Key }` as changed.', type: KeyEnvelopeResponse })
  @ApiAccepted(KeyAcceptedResponse)
  async update(
    @Target() target: CommandTarget,
    @Body() body: UpdateKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const result = await this.commands.execute<UpdateKeyCommand, KeyWriteResult>(
      new UpdateKeyCommand(target, body),
    );
    return { data: answerWrite(reply, result) };
  }
}
