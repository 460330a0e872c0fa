import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuditFiltersRequestDto } from '../../audit-filters.request.dto';
import { ScanOrder } from '../../audit-window';

/** Query of `GET /api/v1/audit`: the shared filters, and a page. */
export class ListAuditEntriesRequestDto extends AuditFiltersRequestDto {
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

  @ApiPropertyOptional({
    enum: ['desc', 'asc'],
    default: 'desc',
    description: 'By global position: newest first (`desc`) or oldest first (`asc`).',
  })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  readonly order?: ScanOrder;
}
