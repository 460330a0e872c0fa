import { Body, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { CreatedKey, CreateKeyCommand } from '../../../keys/commands/create-key/create-key.handler';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerOpenRouterSecret, OpenRouterCreatedKey } from '../../openrouter-answers';
import { OpenRouterKeysController } from '../../openrouter-controller.decorator';
import { OpenRouterCreateKeyRequestDto } from './create-key.openrouter.request.dto';
import { toCreateKeyInput } from './to-create-key-input';
import { OpenRouterCreatedKeyResponse } from '../../openrouter.response';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@OpenRouterKeysController()
export class CreateKeyOpenRouterController {
  constructor(private readonly commands: CommandBus) {}

  /** OpenRouter's `POST /keys`: the canonical create; the secret (`key`) is shown this once. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    description: '`{ data: Key, key }`: `key` is the secret, shown once.',
    type: OpenRouterCreatedKeyResponse,
  })
  @ApiResponse({
    status: 400,
    description: 'A field is wrong; `error.metadata.fields` lists each.',
  })
  @ApiAccepted(OpenRouterCreatedKeyResponse)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: OpenRouterCreateKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenRouterCreatedKey> {
    const created = await this.commands.execute<CreateKeyCommand, CreatedKey>(
      new CreateKeyCommand(principal, context, toCreateKeyInput(body, principal), null),
    );
    return answerOpenRouterSecret(reply, created);
  }
}
