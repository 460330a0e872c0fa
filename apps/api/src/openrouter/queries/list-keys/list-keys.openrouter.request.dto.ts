import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ListKeysRequestDto } from '../../../keys/queries/list-keys/list-keys.request.dto';

/** Query of OpenRouter's `GET /keys`: offset pagination, and `include_disabled` as canonical. */
export class OpenRouterListKeysRequestDto extends PickType(ListKeysRequestDto, [
  'include_disabled',
] as const) {
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Keys to skip, newest first; each page holds up to 100.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  readonly offset?: number;

  @ApiPropertyOptional({
    description: 'Only the keys of this org, or `personal` for personal keys.',
    example: 'org_1',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly workspace_id?: string;
}
