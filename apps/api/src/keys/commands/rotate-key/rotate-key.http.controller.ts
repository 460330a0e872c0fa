import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerSecret } from '../../../shared/http/answers';
import { KeyWithSecret } from '../../key-view';
import { ApiKeyTarget } from '../../key-target';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { KeyWithSecretAcceptedResponse, KeyWithSecretResponse } from '../../key.response';
import { RotatedKey, RotateKeyCommand } from './rotate-key.handler';
import { RotateKeyRequestDto } from './rotate-key.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class RotateKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Replaces the key's secret; the response is the only place the new one ever appears. */
  @Post(':id/rotate')
  @HttpCode(200)
  @ApiKeyTarget()
  @ApiOkResponse({
    description: '`{ data: Key, secret }` — the new secret is shown once.',
    type: KeyWithSecretResponse,
  })
  @ApiAccepted(KeyWithSecretAcceptedResponse)
  async rotate(
    @Target() target: CommandTarget,
    @Body() body: RotateKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyWithSecret> {
    const rotated = await this.commands.execute<RotateKeyCommand, RotatedKey>(
      new RotateKeyCommand(target, body.grace_period_seconds ?? 0),
    );
    return answerSecret(reply, rotated);
  }
}
