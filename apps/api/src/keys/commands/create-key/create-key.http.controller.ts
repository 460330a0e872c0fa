import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerSecret } from '../../../shared/http/answers';
import { KeyWithSecret } from '../../key-view';
import { KeyWithSecretAcceptedResponse, KeyWithSecretResponse } from '../../key.response';
import { CreatedKey, CreateKeyCommand } from './create-key.handler';
import { CreateKeyRequestDto } from './create-key.request.dto';
import { parseIdempotencyKey } from './idempotency-key';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class CreateKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Creates a key; the response is the only place its secret ever appears. A retry with the same
   * `Idempotency-Key` and body answers with the key the first request created and
   * `Idempotent-Replayed: true`, but `secret: null`: the secret is stored nowhere, so it cannot
   * be shown twice (rotate the key if the first response was lost).
   */
  @Post()
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Any unique string (a UUID): retrying with it never creates a second key.',
  })
  @ApiCreatedResponse({
    description: '`{ data: Key, secret }` — the secret is shown once.',
    type: KeyWithSecretResponse,
  })
  @ApiResponse({
    status: 409,
    description: '`idempotency_key_reused`: the Idempotency-Key came with another body.',
  })
  @ApiAccepted(KeyWithSecretAcceptedResponse)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: CreateKeyRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyWithSecret> {
    const created = await this.commands.execute<CreateKeyCommand, CreatedKey>(
      new CreateKeyCommand(principal, context, body, parseIdempotencyKey(idempotencyKey)),
    );
    if (created.replayed) void reply.header('Idempotent-Replayed', 'true');
    return answerSecret(reply, created);
  }
}
