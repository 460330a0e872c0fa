import { Controller, Delete, Headers, HttpCode, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { setWriteHeaders, WriteReceipt } from '../../../shared/http/write-headers';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
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
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    setWriteHeaders(
      reply,
      await this.commands.execute<DeleteWebhookCommand, WriteReceipt>(
        new DeleteWebhookCommand(principal, context, id, parseIfMatch(ifMatch)),
      ),
    );
  }
}
