import { ApiProperty } from '@nestjs/swagger';
import { KeyPreferenceView, KeyRoutingRulesView } from './key-routing-view';
import { RoutingContentResponse } from './routing-content.response';

/** `{ key_id, preference_id, inherits_default }`: a key's binding. */
export class KeyPreferenceResponse implements KeyPreferenceView {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null: bound to no preference.' })
  readonly preference_id!: string | null;

  @ApiProperty({
    type: Boolean,
    description: 'True when neither a binding nor key-first rules apply, so the defaults decide.',
  })
  readonly inherits_default!: boolean;
}

/** A key's own routing rules, empty when it has none. */
export class KeyRoutingRulesResponse extends RoutingContentResponse implements KeyRoutingRulesView {
  @ApiProperty({ type: String })
  readonly key_id!: string;

  @ApiProperty({ type: Boolean })
  readonly has_routing_rules!: boolean;
}
