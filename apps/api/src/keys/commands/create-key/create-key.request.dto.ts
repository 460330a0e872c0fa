import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { KEY_SCOPES } from '@keyledger/domain';

/** Body of `POST /api/v1/keys`. The domain re-checks every rule; this rejects wrong shapes. */
export class CreateKeyRequestDto {
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
}
