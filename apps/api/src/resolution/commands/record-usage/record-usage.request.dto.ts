import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LIMIT, MAX_MODEL_NAME } from '@keyledger/domain';
import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RecordUsageBody } from './record-usage-body';

/**
 * Body of `POST /api/v1/usage`: the cost of a request the key made, reported after it. The
 * fast listener checks valid bodies with isPlainRecordUsageBody and comes here for refusals.
 */
export class RecordUsageRequestDto implements RecordUsageBody {
  @ApiProperty({ minimum: 0, maximum: MAX_LIMIT, example: 0.0123, description: 'Credits.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_LIMIT)
  readonly cost!: number;

  @ApiPropertyOptional({
    default: false,
    description:
      "Billed to the customer's own provider key (counts toward the limit only with include_byok_in_limit).",
  })
  @IsOptional()
  @IsBoolean()
  readonly byok?: boolean;

  @ApiPropertyOptional({ maxLength: MAX_MODEL_NAME, example: 'openai/gpt-4o' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODEL_NAME)
  readonly model?: string;
}
