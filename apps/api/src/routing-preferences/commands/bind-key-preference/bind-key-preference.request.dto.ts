import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

/** Body of `PUT /api/v1/keys/{id}/routing-preference`. */
export class BindKeyPreferenceRequestDto {
  @ApiProperty({
    nullable: true,
    format: 'uuid',
    description: 'The preference to bind; null clears the binding.',
  })
  // Required, but null is a value: only a missing or non-UUID preference_id is refused.
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  readonly preference_id!: string | null;
}
