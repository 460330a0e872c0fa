import { ApiProperty } from '@nestjs/swagger';
import { RoutingExample, RoutingRule, RoutingRules } from '@keyledger/domain';

// OpenAPI schemas of routing content as answers show it. Each class implements the type it
// documents, so a field added there without its schema here fails to compile.

/** A routing rule in an answer: the optional fields of a request come back as null. */
export class RoutingRuleResponse implements RoutingRule {
  @ApiProperty({ type: String, example: '^(select|insert)\\b' })
  readonly pattern!: string;

  @ApiProperty({ type: String, example: 'code' })
  readonly target_mode!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly target_engine!: string | null;

  @ApiProperty({ type: Number, description: 'Clamped to 0.5–0.99.', example: 0.8 })
  readonly confidence!: number;

  @ApiProperty({ type: String, nullable: true })
  readonly description!: string | null;
}

/** An example prompt and the mode it should route to. */
export class RoutingExampleResponse implements RoutingExample {
  @ApiProperty({ type: String, example: 'select * from users' })
  readonly prompt!: string;

  @ApiProperty({ type: String, example: 'code' })
  readonly expected_mode!: string;
}

/** The routing content preferences, key-first rules and effective routing all show. */
export class RoutingContentResponse implements RoutingRules {
  @ApiProperty({ type: [RoutingRuleResponse] })
  readonly rules!: readonly RoutingRuleResponse[];

  @ApiProperty({ type: [RoutingExampleResponse] })
  readonly examples!: readonly RoutingExampleResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Mode → confidence floor (0–1).',
    example: { code: 0.7 },
  })
  readonly confidence_floor_overrides!: Readonly<Record<string, number>>;
}
