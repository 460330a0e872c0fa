import { RoutingRuleInput } from './routing-content.input';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber } from 'class-validator';
import { ROUTING_LIMITS } from '@keyledger/domain';
import { IsRegExp, NullableTextField, TextField } from './routing-fields';

/** One routing rule in a request: prompts matching `pattern` go to `target_mode`. */
export class RoutingRuleDto implements RoutingRuleInput {
  @TextField(1, ROUTING_LIMITS.pattern, { example: '^(select|insert)\\b' })
  @IsRegExp()
  readonly pattern!: string;

  @TextField(1, ROUTING_LIMITS.mode, { example: 'code' })
  readonly target_mode!: string;

  @NullableTextField(ROUTING_LIMITS.engine)
  readonly target_engine?: string | null;

  @ApiProperty({ description: 'Clamped to 0.5–0.99.', example: 0.8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  readonly confidence!: number;

  @NullableTextField(ROUTING_LIMITS.description)
  readonly description?: string | null;
}
