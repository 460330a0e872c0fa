import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  DEFAULT_REVOCATION_DAYS,
  DEFAULT_THRESHOLD_PERCENT,
  DEFAULT_UNUSED_DAYS,
} from '@keyledger/governance';

const MAX_DAYS = 3650;

/** Query of every report: which org's keys (all the caller can see when omitted). */
export class ReportRequestDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 128,
    description: 'Only keys of this org (personal keys have none).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly org_id?: string;
}

/** Query of `GET /api/v1/reports/unused-keys`. */
export class UnusedKeysRequestDto extends ReportRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_DAYS,
    default: DEFAULT_UNUSED_DAYS,
    description: 'Report keys idle for at least this many whole days.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  readonly days?: number;
}

/** Query of `GET /api/v1/reports/recent-revocations`. */
export class RecentRevocationsRequestDto extends ReportRequestDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_DAYS,
    default: DEFAULT_REVOCATION_DAYS,
    description: 'Look back this many days.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  readonly days?: number;
}

/** Query of `GET /api/v1/reports/keys-near-limit`. */
export class KeysNearLimitRequestDto extends ReportRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1000,
    default: DEFAULT_THRESHOLD_PERCENT,
    description: 'Report keys that used at least this share of their limit, in percent.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  readonly threshold?: number;
}
