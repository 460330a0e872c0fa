import { ApiProperty } from '@nestjs/swagger';
import {
  KEY_POLICY_ENFORCEMENTS,
  KEY_SCOPES,
  LEAKED_KEY_ACTIONS,
  MAX_LIFETIME_DAYS,
} from '@keyledger/domain';
import { KeyPolicyEnvelope, KeyPolicyView } from './key-policy-view';

/** `KeyPolicy` in the OpenAPI document. */
export class KeyPolicyResponse implements KeyPolicyView {
  @ApiProperty({ type: String })
  readonly org_id!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_LIFETIME_DAYS,
    description: "Longest a key's secret may live, from creation or its last rotation.",
  })
  readonly max_lifetime_days!: number | null;

  @ApiProperty({ type: Boolean, description: 'Keys must have a credit limit.' })
  readonly require_limit!: boolean;

  @ApiProperty({ type: [String], enum: KEY_SCOPES, nullable: true, description: 'null: any.' })
  readonly allowed_scopes!: readonly string[] | null;

  @ApiProperty({ type: Boolean, description: 'Keys must have an IP allowlist.' })
  readonly require_ip_allowlist!: boolean;

  @ApiProperty({
    enum: KEY_POLICY_ENFORCEMENTS,
    description:
      '`new_keys`: creates, updates and rotations are checked; `all_keys`: non-compliant keys are also refused at resolve (403 `policy_violation`).',
  })
  readonly enforcement!: KeyPolicyView['enforcement'];

  @ApiProperty({
    enum: LEAKED_KEY_ACTIONS,
    nullable: true,
    description:
      "What a confirmed leak report (GitHub secret scanning, or POST /api/v1/keys/report-leak) does to the org's keys: `disable`, `revoke`, or `notify` (event and webhook only); null: the deployment's LEAKED_KEY_ACTION.",
  })
  readonly leaked_key_action!: KeyPolicyView['leaked_key_action'];

  @ApiProperty({
    type: [Number],
    example: [80, 100],
    description: 'Alert thresholds (percent of the limit) of new org keys that name none.',
  })
  readonly default_alert_thresholds!: readonly number[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly updated_at!: string | null;
}

/** `{ data: KeyPolicy }`. */
export class KeyPolicyEnvelopeResponse implements KeyPolicyEnvelope {
  @ApiProperty({ type: KeyPolicyResponse })
  readonly data!: KeyPolicyResponse;
}
