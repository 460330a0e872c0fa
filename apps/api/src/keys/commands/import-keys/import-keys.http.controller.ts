import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { setWriteHeaders } from '../../../shared/http/write-headers';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { ImportKeysCommand, ImportResult } from './import-keys.handler';
import { ImportKeysAnswer, ImportKeysResponse, toImportAnswer } from './import-keys.response';
import { ImportKeysRequestDto } from './import-keys.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class ImportKeysHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Takes over up to 1,000 keys made elsewhere by the SHA-256 of their secrets, which then
   * resolve unchanged (even under KEY_HASH_PEPPER). Idempotent on the hash. Each key is created,
   * found `already_imported`, or refused with its reason; one refusal stops no other key.
   * `X-Position` is the last event written: read with `X-Min-Position` to see every new key.
   */
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ description: 'One outcome per key, in order.', type: ImportKeysResponse })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: ImportKeysRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportKeysAnswer> {
    const result = await this.commands.execute<ImportKeysCommand, ImportResult>(
      new ImportKeysCommand(principal, context, body),
    );
    setWriteHeaders(reply, { revision: null, position: result.position });
    return toImportAnswer(result);
  }
}
