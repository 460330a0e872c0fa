import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  KEY_POLICY_ENFORCEMENTS,
  KEY_SCOPES,
  KeyPolicyEnforcement,
  LEAKED_KEY_ACTIONS,
  LeakedKeyAction,
  MAX_LIFETIME_DAYS,
  REASON_MAX,
} from '@keyledger/domain';
import { SetKeyPolicyInput } from './set-key-policy.input';

/**
 * Body of `PUT /api/v1/orgs/{org_id}/key-policy`: the whole policy (fields left out take their
 * "no rule" value) and why it changes. The domain re-checks every rule; this rejects wrong shapes.
 */
export class SetKeyPolicyRequestDto implements SetKeyPolicyInput {
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: MAX_LIFETIME_DAYS, example: 90 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_LIFETIME_DAYS)
  readonly max_lifetime_days?: number | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  readonly require_limit?: boolean;

  @ApiPropertyOptional({
    type: [String],
    enum: KEY_SCOPES,
    nullable: true,
    example: ['completions'],
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsArray()
  @IsIn(KEY_SCOPES, { each: true })
  @ArrayUnique()
  readonly allowed_scopes?: string[] | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  readonly require_ip_allowlist?: boolean;

  @ApiPropertyOptional({ enum: KEY_POLICY_ENFORCEMENTS, default: 'new_keys' })
  @IsOptional()
  @IsIn(KEY_POLICY_ENFORCEMENTS)
  readonly enforcement?: KeyPolicyEnforcement;

  @ApiPropertyOptional({
    enum: LEAKED_KEY_ACTIONS,
    nullable: true,
    default: null,
    description:
      "What a confirmed leak report does to the org's keys; null: the deployment's LEAKED_KEY_ACTION.",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(LEAKED_KEY_ACTIONS)
  readonly leaked_key_action?: LeakedKeyAction | null;

  @ApiPropertyOptional({
    type: [Number],
    default: [],
    example: [80, 100],
    description:
      'Alert thresholds (percent of the limit, 1–100, up to 5) of new org keys that name none.',
  })
  @IsOptional()
  readonly default_alert_thresholds?: number[];

  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, example: 'SOC 2: 90-day key rotation' })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  readonly reason!: string;
}
