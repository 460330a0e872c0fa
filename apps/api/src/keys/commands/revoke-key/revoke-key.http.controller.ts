import { Controller, Delete, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerWrite } from '../../../shared/http/answers';
import { KeyEnvelope } from '../../key-view';
import { KeyWriteResult } from '../../key-reader';
import { ApiKeyTarget } from '../../key-target';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { KeyAcceptedResponse, KeyEnvelopeResponse } from '../../key.response';
import { RevokeKeyRequestDto } from './revoke-key.request.dto';
import { RevokeKeyCommand } from './revoke-key.handler';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class RevokeKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Revokes the key (by id or hash). A revoked key never authenticates again. */
  @Delete(':id')
  @ApiKeyTarget()
  @ApiOkResponse({
    description: '`{ data: Key }` with `revoked: true`.',
    type: KeyEnvelopeResponse,
  })
  @ApiAccepted(KeyAcceptedResponse)
  async revoke(
    @Target() target: CommandTarget,
    @Query() query: RevokeKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const result = await this.commands.execute<RevokeKeyCommand, KeyWriteResult>(
      new RevokeKeyCommand(target, query.reason ?? null),
    );
    return { data: answerWrite(reply, result) };
  }
}
