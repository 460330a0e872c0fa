import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ListKeysInput } from './list-keys.input';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Query of `GET /api/v1/keys`. */
export class ListKeysRequestDto implements ListKeysInput {
  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  readonly limit?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly include_disabled?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly include_revoked?: boolean;

  @ApiPropertyOptional({ enum: ['personal', 'org'] })
  @IsOptional()
  @IsIn(['personal', 'org'])
  readonly scope?: 'personal' | 'org';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly org_id?: string;

  @ApiPropertyOptional({
    description: "Exactly this external id (the customer's id for the owner).",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  readonly external_id?: string;

  @ApiPropertyOptional({ description: 'Owner user id.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly owner?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly name?: string;
}
