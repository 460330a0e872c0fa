import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** Two tree sizes, the older first. */
export class GetConsistencyProofRequestDto {
  @ApiProperty({ minimum: 0, description: 'The older tree size.' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  readonly first!: number;

  @ApiProperty({ minimum: 0, description: 'The newer tree size.' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  readonly second!: number;
}
