import { Controller, Delete, HttpCode, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { answerWrite } from '../../../shared/http/answers';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiPreferenceTarget } from '../../preference-target';
import { DeleteRoutingPreferenceCommand } from './delete-routing-preference.handler';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class DeleteRoutingPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Deletes a preference, its default status and every binding to it. Honours `If-Match`. */
  @Delete(':id')
  @ApiPreferenceTarget()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; each bound key got a `PreferenceUnbound` event.' })
  @ApiAccepted()
  async delete(
    @Target() target: CommandTarget,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    answerWrite(
      reply,
      await this.commands.execute<DeleteRoutingPreferenceCommand, WriteResult<null>>(
        new DeleteRoutingPreferenceCommand(target),
      ),
    );
  }
}
