import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  KEY_SCOPES,
  KeyMetadata,
  MAX_ALLOWED_IPS,
  MAX_EXTERNAL_ID,
  MAX_RATE_LIMIT,
  MAX_RATE_LIMIT_DURATION_MS,
  MAX_RATE_LIMITS,
  MIN_RATE_LIMIT_DURATION_MS,
} from '@keyledger/domain';
import { CreateKeyInput, RateLimitInput } from './create-key.input';

/** One named sliding-window limit: at most `limit` per `duration_ms`. */
export class RateLimitDto implements RateLimitInput {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'requests' })
  @IsString()
  readonly name!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_RATE_LIMIT, example: 600 })
  @IsInt()
  @Min(1)
  @Max(MAX_RATE_LIMIT)
  readonly limit!: number;

  @ApiProperty({
    minimum: MIN_RATE_LIMIT_DURATION_MS,
    maximum: MAX_RATE_LIMIT_DURATION_MS,
    example: 60000,
  })
  @IsInt()
  @Min(MIN_RATE_LIMIT_DURATION_MS)
  @Max(MAX_RATE_LIMIT_DURATION_MS)
  readonly duration_ms!: number;
}

/** Body of `POST /api/v1/keys`. The domain re-checks every rule; this rejects wrong shapes. */
export class CreateKeyRequestDto implements CreateKeyInput {
  @ApiProperty({ minLength: 1, maxLength: 128, example: 'ci-pipeline' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly name!: string;

  @ApiPropertyOptional({
    enum: ['personal', 'org'],
    description: 'Omitted: org when org_id is given, else personal.',
  })
  @IsOptional()
  @IsIn(['personal', 'org'])
  readonly scope?: 'personal' | 'org';

  @ApiPropertyOptional({ nullable: true, example: 'org_1' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly org_id?: string;

  @ApiPropertyOptional({ type: [String], enum: KEY_SCOPES, example: ['completions'] })
  @IsOptional()
  @IsArray()
  @IsIn(KEY_SCOPES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(KEY_SCOPES.length)
  readonly scopes?: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Credits; null for unlimited.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  readonly limit?: number | null;

  @ApiPropertyOptional({ enum: ['daily', 'weekly', 'monthly'], nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(['daily', 'weekly', 'monthly'])
  readonly limit_reset?: 'daily' | 'weekly' | 'monthly' | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  readonly include_byok_in_limit?: boolean;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true })
  readonly expires_at?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_ALLOWED_IPS,
    example: ['203.0.113.0/24', '2001:db8::/32'],
    description:
      'IPv4/IPv6 addresses or CIDRs the key may be used from (the gateway forwards `client_ip`); stored in canonical form. [] or omitted: anywhere.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_IPS)
  @IsString({ each: true })
  readonly allowed_ips?: string[];

  @ApiPropertyOptional({
    type: [RateLimitDto],
    maxItems: MAX_RATE_LIMITS,
    description: 'Named sliding windows; each resolve spends 1 (or `rate_limit_cost`) on each.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RATE_LIMITS)
  @ValidateNested({ each: true })
  @Type(() => RateLimitDto)
  readonly rate_limits?: RateLimitDto[];

  @ApiPropertyOptional({
    type: [Number],
    maxItems: 5,
    example: [80, 100],
    description:
      'Percentages of the limit (1–100, up to 5) at which `KeyLimitThresholdReached` is recorded ' +
      '(webhook `key.limit_threshold_reached`), once per threshold and window. Omitted: the org ' +
      "policy's `default_alert_thresholds`.",
  })
  @IsOptional()
  readonly alert_thresholds?: number[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { team: 'search' },
    description:
      'At most 50 keys with scalar values, 4 KB as JSON; keys that name a secret (password, token, api_key…) are refused.',
  })
  @IsOptional()
  @IsObject()
  readonly metadata?: KeyMetadata;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: MAX_EXTERNAL_ID,
    description: "The customer's own id for the key's owner.",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MAX_EXTERNAL_ID)
  readonly external_id?: string | null;
}
