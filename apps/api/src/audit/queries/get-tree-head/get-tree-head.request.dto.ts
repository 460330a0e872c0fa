import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `?tree_size=` asks for the head stored at that size instead of the latest. */
export class GetTreeHeadRequestDto {
  @ApiPropertyOptional({ minimum: 0, description: 'The size of a stored head.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  readonly tree_size?: number;
}
