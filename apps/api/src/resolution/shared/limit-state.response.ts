import { ApiProperty } from '@nestjs/swagger';
import { LIMIT_RESETS } from '@keyledger/domain';
import { LimitState } from '@keyledger/resolution';

// OpenAPI schemas of the gateway's answers implement the types they document, so a field added
// there without its schema here fails to compile.

/** Where the key stands against its limit. */
export class LimitStateResponse implements LimitState {
  @ApiProperty({ type: Number, nullable: true, description: 'Credits; null when unlimited.' })
  readonly limit!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Credits; null when unlimited.' })
  readonly remaining!: number | null;

  @ApiProperty({ enum: LIMIT_RESETS, nullable: true, description: 'null: never resets.' })
  readonly reset!: LimitState['reset'];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'End of the current window; null when the limit never resets.',
  })
  readonly window_end!: string | null;
}
