import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Granularity } from '@keyledger/read-models';
import { IsTimestamp } from '../audit/audit-filters.request.dto';

/** The answer formats of the analytics routes. */
export const ANALYTICS_FORMATS = ['json', 'csv'] as const;
export type AnalyticsFormat = (typeof ANALYTICS_FORMATS)[number];

/** The range, width and format both analytics routes take. */
export class AnalyticsRangeRequestDto {
  @ApiPropertyOptional({
    description:
      'Start of the range (ISO-8601), rounded down to its bucket; default: 24 hours (hour) or 30 days (day) before `to`.',
  })
  @IsOptional()
  @IsTimestamp()
  readonly from?: string;

  @ApiPropertyOptional({ description: 'End of the range, exclusive (ISO-8601); default: now.' })
  @IsOptional()
  @IsTimestamp()
  readonly to?: string;

  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'hour' })
  @IsOptional()
  @IsIn(['hour', 'day'])
  readonly granularity?: Granularity;

  @ApiPropertyOptional({
    enum: ANALYTICS_FORMATS,
    default: 'json',
    description: '`csv` answers `text/csv` (so does `Accept: text/csv`).',
  })
  @IsOptional()
  @IsIn(ANALYTICS_FORMATS)
  readonly format?: AnalyticsFormat;
}
