import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CreateKeyRequestDto } from '../../../keys/commands/create-key/create-key.request.dto';

/**
 * Body of OpenRouter's `POST /keys`: the canonical fields OpenRouter shares, validated alike,
 * and `workspace_id` for where the key belongs.
 */
export class OpenRouterCreateKeyRequestDto extends PickType(CreateKeyRequestDto, [
  'name',
  'limit',
  'limit_reset',
  'include_byok_in_limit',
  'expires_at',
] as const) {
  @ApiPropertyOptional({
    description:
      'The org to create the key in, or `personal`. Omitted: an org key creates keys in its ' +
      'org, any other caller a personal key.',
    example: 'org_1',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly workspace_id?: string;
}
