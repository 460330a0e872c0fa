import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { REASON_MAX } from '@keyledger/domain';

/** Query of `DELETE /api/v1/keys/{id}`: an optional reason kept in the audit trail. */
export class RevokeKeyRequestDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  readonly reason?: string;
}
