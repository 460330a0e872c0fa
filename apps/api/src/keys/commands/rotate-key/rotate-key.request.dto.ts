import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_GRACE_SECONDS } from '@keyledger/domain';

/** Body of `POST /api/v1/keys/{id}/rotate`. */
export class RotateKeyRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    default: 0,
    description: 'How long the old secret keeps working; 0 (the default) refuses it at once.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_SECONDS)
  readonly grace_period_seconds?: number;
}
