import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AnalyticsGroupBy } from '@keyledger/read-models';
import { AnalyticsRangeRequestDto } from '../../analytics-range.request.dto';

/** Query of `GET /api/v1/analytics`. */
export class GetOrgAnalyticsRequestDto extends AnalyticsRangeRequestDto {
  @ApiProperty({ description: 'The org whose keys are counted.' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  readonly org_id!: string;

  @ApiPropertyOptional({
    enum: ['key', 'model', 'outcome'],
    description:
      'Adds `groups` to each bucket: by key id, by model, or by outcome (`admitted` or a refusal code).',
  })
  @IsOptional()
  @IsIn(['key', 'model', 'outcome'])
  readonly group_by?: AnalyticsGroupBy;
}
