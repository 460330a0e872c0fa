import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { setWriteHeaders } from '../../../shared/http/write-headers';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyView } from '../../key-view';
import { CreatedKey, CreateKeyCommand } from './create-key.handler';
import { CreateKeyRequestDto } from './create-key.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class CreateKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Creates a key; the response is the only place its secret ever appears. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ description: '`{ data: Key, secret }` — the secret is shown once.' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: CreateKeyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: KeyView | null; secret: string }> {
    const created = await this.commands.execute<CreateKeyCommand, CreatedKey>(
      new CreateKeyCommand(principal, context, body),
    );
    setWriteHeaders(reply, created);
    void reply.header('Cache-Control', 'no-store');
    if (created.key === null) void reply.status(202);
    return { data: created.key, secret: created.secret };
  }
}
