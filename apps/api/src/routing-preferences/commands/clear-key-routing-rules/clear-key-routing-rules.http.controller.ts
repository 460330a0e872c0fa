import { Controller, Delete, HttpCode, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { answerWrite } from '../../../shared/http/answers';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiKeyTarget } from '../../../keys/key-target';
import { ClearKeyRoutingRulesCommand } from './clear-key-routing-rules.handler';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class ClearKeyRoutingRulesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Drops the key's own routing rules. Honours `If-Match`. */
  @Delete(':id/routing-rules')
  @ApiKeyTarget()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The key routes by its binding or the defaults again.' })
  @ApiAccepted()
  async clear(
    @Target() target: CommandTarget,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    answerWrite(
      reply,
      await this.commands.execute<ClearKeyRoutingRulesCommand, WriteResult<null>>(
        new ClearKeyRoutingRulesCommand(target),
      ),
    );
  }
}
