import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PreferenceScope } from '@keyledger/domain';
import { ListKeysRequestDto } from '../../../keys/queries/list-keys/list-keys.request.dto';
import { ListRoutingPreferencesInput } from './list-routing-preferences.input';

const queryBoolean = ({ value }: { value: unknown }): unknown =>
  ({ true: true, false: false })[String(value)] ?? value;

/** Query of `GET /api/v1/routing-preferences`: the keys list's paging, and preference filters. */
export class ListRoutingPreferencesRequestDto
  extends PickType(ListKeysRequestDto, ['cursor', 'limit'] as const)
  implements ListRoutingPreferencesInput
{
  @ApiPropertyOptional({ enum: ['personal', 'team'] })
  @IsOptional()
  @IsIn(['personal', 'team'])
  readonly scope?: PreferenceScope;

  @ApiPropertyOptional({ description: 'Only defaults (true) or only non-defaults (false).' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  readonly is_default?: boolean;

  @ApiPropertyOptional({ description: 'Only enabled (true) or only disabled (false).' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  readonly enabled?: boolean;
}
