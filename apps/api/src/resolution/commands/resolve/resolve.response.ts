import { ApiProperty } from '@nestjs/swagger';
import { KeyMetadata } from '@keyledger/domain';
import { RateLimitState, ResolvedKey } from '@keyledger/resolution';
import { EffectiveRoutingResponse } from '../../../routing-preferences/effective-routing.response';
import { LimitStateResponse } from '../../shared/limit-state.response';
import { ResolveAnswer } from './resolve.handler';

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

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: "The key's metadata.",
  })
  readonly metadata!: KeyMetadata;

  @ApiProperty({ type: String, nullable: true, description: "The customer's id for the owner." })
  readonly external_id!: string | null;
}

/** One of the key's rate limits after the request. */
export class RateLimitStateResponse implements RateLimitState {
  @ApiProperty({ type: String })
  readonly name!: string;

  @ApiProperty({ type: Number })
  readonly limit!: number;

  @ApiProperty({ type: Number, description: 'Units left in the sliding window.' })
  readonly remaining!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: "End of the current fixed window: the previous window's weight is gone by then.",
  })
  readonly reset_at!: string;
}

type ResolvedAnswerData = ResolveAnswer['data'];

/** An admitted request: the key, its routing and its limit state. */
export class ResolvedResponse implements ResolvedAnswerData {
  @ApiProperty({ type: ResolvedKeyResponse })
  readonly key!: ResolvedKeyResponse;

  @ApiProperty({ type: EffectiveRoutingResponse })
  readonly routing!: EffectiveRoutingResponse;

  @ApiProperty({ type: LimitStateResponse })
  readonly limit!: LimitStateResponse;

  @ApiProperty({ type: [RateLimitStateResponse], description: '[] for a key without rate limits.' })
  readonly rate_limits!: readonly RateLimitStateResponse[];
}

/** `{ data: { key, routing, limit } }`. */
export class ResolveAnswerResponse implements ResolveAnswer {
  @ApiProperty({ type: ResolvedResponse })
  readonly data!: ResolvedResponse;
}
