import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { PreferencePageResponse } from '../../preference.response';
import { ListRoutingPreferencesQuery, PreferencePage } from './list-routing-preferences.handler';
import { ListRoutingPreferencesRequestDto } from './list-routing-preferences.request.dto';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class ListRoutingPreferencesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Preferences the caller can see: its personal ones and its organizations' team ones. */
  @Get()
  @ApiOkResponse({
    description: '`{ data: RoutingPreference[], next_cursor }`',
    type: PreferencePageResponse,
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() filters: ListRoutingPreferencesRequestDto,
  ): Promise<PreferencePage> {
    return this.queries.execute<ListRoutingPreferencesQuery, PreferencePage>(
      new ListRoutingPreferencesQuery(principal, filters),
    );
  }
}
