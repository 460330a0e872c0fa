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
import { ClearKeyRoutingRulesCommand } from './clear-key-routing-rules.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class ClearKeyRoutingRulesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Drops the key's own routing rules. Honours `If-Match`. */
  @Delete(':id/routing-rules')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The key routes by its binding or the defaults again.' })
  async clear(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    answerWrite(
      reply,
      await this.commands.execute<ClearKeyRoutingRulesCommand, WriteResult<null>>(
        new ClearKeyRoutingRulesCommand(principal, context, id, parseIfMatch(ifMatch)),
      ),
    );
  }
}
