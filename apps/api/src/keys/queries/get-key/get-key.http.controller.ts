import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { SerializedAsDocumented } from '../../../openapi/openapi-serializers';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { answerRead } from '../../../shared/http/answers';
import { KeyEnvelope } from '../../key-view';
import { Versioned } from '../../../shared/writes/write-result';
import { KeyView } from '../../key-view';
import { KeyEnvelopeResponse } from '../../key.response';
import { GetKeyQuery } from './get-key.handler';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class GetKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** A key by its id or its hash; the `ETag` is what a later `If-Match` sends back. */
  @Get(':id')
  @WaitsForMinPosition()
  @ApiOkResponse({ description: '`{ data: Key }`', type: KeyEnvelopeResponse })
  @SerializedAsDocumented(KeyEnvelopeResponse)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const key = await this.queries.execute<GetKeyQuery, Versioned<KeyView>>(
      new GetKeyQuery(principal, id),
    );
    return { data: answerRead(reply, key) };
  }
}
