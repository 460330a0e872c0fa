import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** Which event, and in which tree size (the latest head's by default). */
export class GetInclusionProofRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 128, description: 'The event id (as history shows it).' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly event_id!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'The tree size to prove against.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  readonly tree_size?: number;
}
