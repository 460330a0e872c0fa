import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Query of `DELETE /api/v1/keys/{id}`: an optional reason kept in the audit trail. */
export class RevokeKeyRequestDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  readonly reason?: string;
}
