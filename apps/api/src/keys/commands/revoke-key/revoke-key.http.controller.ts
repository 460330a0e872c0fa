import { Controller, Delete, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerKeyWrite, KeyEnvelope } from '../../key-answers';
import { KeyWriteResult } from '../../key-reader';
import { ApiKeyTarget, KeyTarget, TargetKey } from '../../key-target';
import { KeyEnvelopeResponse } from '../../key.response';
import { RevokeKeyRequestDto } from './revoke-key.request.dto';
import { RevokeKeyCommand } from './revoke-key.handler';

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
  async revoke(
    @TargetKey() target: KeyTarget,
    @Query() query: RevokeKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const result = await this.commands.execute<RevokeKeyCommand, KeyWriteResult>(
      new RevokeKeyCommand(target, query.reason ?? null),
    );
    return answerKeyWrite(reply, result);
  }
}
