import { Delete, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { RevokeKeyCommand } from '../../../keys/commands/revoke-key/revoke-key.handler';
import { KeyWriteResult } from '../../../keys/key-reader';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { setWriteHeaders } from '../../../shared/http/write-headers';
import { OpenRouterKeysController } from '../../openrouter-controller.decorator';
import { OpenRouterDeleted } from '../../openrouter-answers';
import { OpenRouterDeletedResponse } from '../../openrouter.response';

@OpenRouterKeysController()
export class DeleteKeyOpenRouterController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * OpenRouter's `DELETE /keys/{hash}` is keyledger's revoke: the key never authenticates again
   * and is gone from this surface, while its history stays in the audit trail.
   */
  @Delete(':hash')
  @ApiParam({ name: 'hash', description: "The hash of the key's secret, or its keyledger id." })
  @ApiOkResponse({ description: '`{ deleted: true }`', type: OpenRouterDeletedResponse })
  @ApiResponse({ status: 404, description: 'Missing, already deleted, or not visible.' })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('hash') hash: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenRouterDeleted> {
    const target = { principal, context, id: hash, ifMatch: null };
    const result = await this.commands.execute<RevokeKeyCommand, KeyWriteResult>(
      new RevokeKeyCommand(target, null),
    );
    setWriteHeaders(reply, result);
    return { deleted: true };
  }
}
