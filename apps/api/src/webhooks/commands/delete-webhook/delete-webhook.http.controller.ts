import { Controller, Delete, HttpCode, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { answerWrite } from '../../../shared/http/answers';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiWebhookTarget } from '../../webhook-target';
import { DeleteWebhookCommand } from './delete-webhook.handler';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class DeleteWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Deletes a subscription and cancels its pending deliveries. Honours `If-Match`. */
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a subscription and cancel its pending deliveries' })
  @HttpCode(204)
  @ApiWebhookTarget({ conditional: true })
  @ApiNoContentResponse({ description: 'Deleted; the delivery log is no longer served.' })
  async delete(
    @Target() target: CommandTarget,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    answerWrite(
      reply,
      await this.commands.execute<DeleteWebhookCommand, WriteResult<null>>(
        new DeleteWebhookCommand(target),
      ),
    );
  }
}
