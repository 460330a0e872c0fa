import { ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_SCOPES, MAX_MODEL_NAME, MAX_RATE_LIMIT } from '@keyledger/domain';
import {
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ResolveBody } from './resolve-body';

/**
 * Body of `POST /api/v1/resolve` (optional): what the inference request is for. The gateway
 * listener checks valid bodies with isPlainResolveBody and comes here for refusals.
 */
export class ResolveRequestDto implements ResolveBody {
  @ApiPropertyOptional({
    maxLength: MAX_MODEL_NAME,
    example: 'openai/gpt-4o',
    description: 'Checked against the plan tier; omitted: not checked.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODEL_NAME)
  readonly model?: string;

  @ApiPropertyOptional({
    enum: KEY_SCOPES,
    example: 'completions',
    description: 'The scope the request needs; `completions` when omitted.',
  })
  @IsOptional()
  @IsIn(KEY_SCOPES)
  readonly scope?: string;

  @ApiPropertyOptional({
    example: '203.0.113.7',
    description:
      "The end user's address as the gateway saw it (IPv4 or IPv6); required for keys with an IP allowlist.",
  })
  @IsOptional()
  @IsIP()
  readonly client_ip?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_RATE_LIMIT,
    default: 1,
    description: "Units this request spends against each of the key's rate limits.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RATE_LIMIT)
  readonly rate_limit_cost?: number;
}
