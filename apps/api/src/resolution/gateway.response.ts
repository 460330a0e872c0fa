import { ApiProperty } from '@nestjs/swagger';
import { LIMIT_RESETS } from '@keyledger/domain';
import { LimitState, ResolvedKey } from '@keyledger/resolution';
import { EffectiveRoutingResponse } from '../routing-preferences/effective-routing.response';
import { RecordUsageAnswer, ResolveAnswer } from './gateway-answers';

// OpenAPI schemas of the gateway's answers. Each class implements the type it documents, so a
// field added there without its schema here fails to compile.

/** The key as a gateway needs it. */
export class ResolvedKeyResponse implements ResolvedKey {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({ type: String })
  readonly owner_user_id!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly org_id!: string | null;

  @ApiProperty({ type: [String] })
  readonly scopes!: readonly string[];

  @ApiProperty({
    type: String,
    description: "The tier applied: the default one when the key's is unknown.",
  })
  readonly plan_tier!: string;
}

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

/** An admitted request: the key, its routing and its limit state. */
export class ResolvedResponse implements ResolvedAnswerData {
  @ApiProperty({ type: ResolvedKeyResponse })
  readonly key!: ResolvedKeyResponse;

  @ApiProperty({ type: EffectiveRoutingResponse })
  readonly routing!: EffectiveRoutingResponse;

  @ApiProperty({ type: LimitStateResponse })
  readonly limit!: LimitStateResponse;
}

type ResolvedAnswerData = ResolveAnswer['data'];

/** `{ data: { key, routing, limit } }`. */
export class ResolveAnswerResponse implements ResolveAnswer {
  @ApiProperty({ type: ResolvedResponse })
  readonly data!: ResolvedResponse;
}

/** A counted usage report: the key and its limit state after the cost. */
export class UsageCountedResponse implements UsageCountedData {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: LimitStateResponse })
  readonly limit!: LimitStateResponse;
}

type UsageCountedData = RecordUsageAnswer['data'];

/** `{ data: { key_id, limit } }`. */
export class RecordUsageAnswerResponse implements RecordUsageAnswer {
  @ApiProperty({ type: UsageCountedResponse })
  readonly data!: UsageCountedResponse;
}
