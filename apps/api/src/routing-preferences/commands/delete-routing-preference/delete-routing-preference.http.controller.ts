import { Controller, Delete, Headers, HttpCode, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerWrite, WriteResult } from '../../write-result';
import { DeleteRoutingPreferenceCommand } from './delete-routing-preference.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class DeleteRoutingPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Deletes a preference, its default status and every binding to it. Honours `If-Match`. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; each bound key got a `PreferenceUnbound` event.' })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    answerWrite(
      reply,
      await this.commands.execute<DeleteRoutingPreferenceCommand, WriteResult<null>>(
        new DeleteRoutingPreferenceCommand(principal, context, id, parseIfMatch(ifMatch)),
      ),
    );
  }
}
