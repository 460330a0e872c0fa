import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { REASON_MAX } from '@keyledger/domain';

/** Body of `POST /api/v1/keys/{id}/limit/reset`: the reason is required, for the audit trail. */
export class ResetKeyLimitRequestDto {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, example: 'customer goodwill' })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  readonly reason!: string;
}
