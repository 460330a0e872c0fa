import { Controller, Delete, Headers, Param, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { setWriteHeaders } from '../../../shared/http/write-headers';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyView } from '../../key-view';
import { KeyWriteResult } from '../../key-reader';
import { RevokeKeyRequestDto } from './revoke-key.request.dto';
import { RevokeKeyCommand } from './revoke-key.handler';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class RevokeKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Revokes the key (by id or hash). A revoked key never authenticates again. */
  @Delete(':id')
  @ApiOkResponse({ description: '`{ data: Key }` with `revoked: true`.' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Query() query: RevokeKeyRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: KeyView | null }> {
    const result = await this.commands.execute<RevokeKeyCommand, KeyWriteResult>(
      new RevokeKeyCommand(principal, context, id, query.reason ?? null, parseIfMatch(ifMatch)),
    );
    setWriteHeaders(reply, result);
    return { data: result.key };
  }
}
