import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateBy, ValidateNested } from 'class-validator';
import { ROUTING_LIMITS } from '@keyledger/domain';
import { Present } from './routing-fields';
import { RoutingContentInput } from './routing-content.input';
import { RoutingExampleDto } from './routing-example.dto';
import { RoutingRuleDto } from './routing-rule.dto';

function isFloorMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= ROUTING_LIMITS.floorOverrides &&
    entries.every(
      ([mode, floor]) =>
        mode.trim().length > 0 &&
        mode.length <= ROUTING_LIMITS.mode &&
        typeof floor === 'number' &&
        floor >= 0 &&
        floor <= 1,
    )
  );
}

/** A map of mode → confidence floor; the domain names each bad entry on re-checking it. */
const IsConfidenceFloors = (): PropertyDecorator =>
  ValidateBy({
    name: 'isConfidenceFloors',
    validator: {
      validate: isFloorMap,
      defaultMessage: () =>
        `$property must map at most ${ROUTING_LIMITS.floorOverrides} modes (1-${ROUTING_LIMITS.mode} characters) to floors from 0 to 1`,
    },
  });

/**
 * Routing content in a request. Each collection named replaces the current one whole; nested
 * errors carry paths such as `rules[3].pattern`. The domain re-validates everything.
 */
export class RoutingContentDto implements RoutingContentInput {
  @ApiPropertyOptional({ type: [RoutingRuleDto], maxItems: ROUTING_LIMITS.rules })
  @Present()
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.rules)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  readonly rules?: RoutingRuleDto[];

  @ApiPropertyOptional({ type: [RoutingExampleDto], maxItems: ROUTING_LIMITS.examples })
  @Present()
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.examples)
  @ValidateNested({ each: true })
  @Type(() => RoutingExampleDto)
  readonly examples?: RoutingExampleDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
    example: { code: 0.7 },
  })
  @Present()
  @IsConfidenceFloors()
  readonly confidence_floor_overrides?: Record<string, number>;
}
