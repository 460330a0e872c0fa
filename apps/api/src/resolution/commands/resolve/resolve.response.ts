import { ApiProperty } from '@nestjs/swagger';
import { ResolvedKey } from '@keyledger/resolution';
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
}

/** `{ data: { key, routing, limit } }`. */
export class ResolveAnswerResponse implements ResolveAnswer {
  @ApiProperty({ type: ResolvedResponse })
  readonly data!: ResolvedResponse;
}
