import { Body, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { UpdateKeyCommand } from '../../../keys/commands/update-key/update-key.handler';
import { KeyWriteResult } from '../../../keys/key-reader';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerOpenRouterWrite, OpenRouterKeyEnvelope } from '../../openrouter-answers';
import { OpenRouterKeysController } from '../../openrouter-controller.decorator';
import { toUpdateKeyInput } from './to-update-key-input';
import { OpenRouterUpdateKeyRequestDto } from './update-key.openrouter.request.dto';
import { OpenRouterKeyEnvelopeResponse } from '../../openrouter.response';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@OpenRouterKeysController()
export class UpdateKeyOpenRouterController {
  constructor(private readonly commands: CommandBus) {}

  /** OpenRouter's `PATCH /keys/{hash}`: the canonical update, all changes in one write. */
  @Patch(':hash')
  @ApiParam({ name: 'hash', description: "The hash of the key's secret, or its keyledger id." })
  @ApiOkResponse({
    description: '`{ data: Key }` as changed.',
    type: OpenRouterKeyEnvelopeResponse,
  })
  @ApiResponse({
    status: 400,
    description: 'A field is wrong; `error.metadata.fields` lists each.',
  })
  @ApiResponse({ status: 404, description: 'Missing, revoked, or not visible to the caller.' })
  @ApiAccepted(OpenRouterKeyEnvelopeResponse)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('hash') hash: string,
    @Body() body: OpenRouterUpdateKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenRouterKeyEnvelope> {
    const target = { principal, context, id: hash, ifMatch: null };
    const result = await this.commands.execute<UpdateKeyCommand, KeyWriteResult>(
      new UpdateKeyCommand(target, toUpdateKeyInput(body)),
    );
    return answerOpenRouterWrite(reply, result);
  }
}
