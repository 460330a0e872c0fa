import { ApiProperty } from '@nestjs/swagger';
import { EffectiveRouting } from '@keyledger/domain';
import { enumValues } from '../shared/openapi/enum-values';
import { RoutingContentResponse } from './routing-content.response';

/** The routing a request with the key follows; implements the domain's EffectiveRouting. */
export class EffectiveRoutingResponse extends RoutingContentResponse implements EffectiveRouting {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({
    enum: enumValues<EffectiveRouting['source']>({
      key: true,
      org_default: true,
      user_default: true,
      none: true,
    }),
    description: "Where it comes from: the key's own rules or binding, a default, or nothing.",
  })
  readonly source!: EffectiveRouting['source'];

  @ApiProperty({
    type: Boolean,
    description: 'True for rules kept on the key itself, false for a shared preference.',
  })
  readonly is_per_key!: boolean;

  @ApiProperty({ type: String, nullable: true })
  readonly preference_id!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly preference_name!: string | null;
}
