import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EffectiveRouting, Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { EffectiveRoutingResponse } from '../../effective-routing.response';
import { GetEffectiveRoutingQuery } from './get-effective-routing.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class GetEffectiveRoutingHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The routing the key follows: its own rules or binding → org default → user default → none. */
  @Get(':id/effective-routing')
  @ApiOkResponse({
    description:
      '`{ key_id, source, is_per_key, preference_id, preference_name, rules, examples, confidence_floor_overrides }`',
    type: EffectiveRoutingResponse,
  })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<EffectiveRouting> {
    return this.queries.execute<GetEffectiveRoutingQuery, EffectiveRouting>(
      new GetEffectiveRoutingQuery(principal, id),
    );
  }
}
