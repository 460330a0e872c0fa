import { ApiProperty } from '@nestjs/swagger';
import { LIMIT_RESETS } from '@keyledger/domain';
import {
  OpenRouterCreatedKey,
  OpenRouterCurrentKeyEnvelope,
  OpenRouterDeleted,
  OpenRouterKeyEnvelope,
  OpenRouterKeyList,
} from './openrouter-answers';
import { OpenRouterCurrentKey } from './openrouter-current-key';
import { OpenRouterKey, OpenRouterUsage } from './openrouter-key';
import { CreditUsageResponse } from '../keys/key.response';

// The OpenAPI schemas of the OpenRouter-compatible answers, in OpenRouter's field names. Each
// class implements the view it documents, so a field added to the view without its schema here
// fails to compile.

/** What a key and `GET /key` share about limits, ownership and expiry. */
class OpenRouterLimitsResponse extends CreditUsageResponse implements OpenRouterUsage {
  @ApiProperty({ type: String, example: 'sk-or-v1-0123…cdef' })
  readonly label!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Credits; null for unlimited.' })
  readonly limit!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  readonly limit_remaining!: number | null;

  @ApiProperty({ enum: LIMIT_RESETS, nullable: true, description: 'null: never resets.' })
  readonly limit_reset!: string | null;

  @ApiProperty({ type: Boolean })
  readonly include_byok_in_limit!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly expires_at!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The key's owner (keyledger user id).",
  })
  readonly creator_user_id!: string | null;

  @ApiProperty({
    type: String,
    example: 'org_1',
    description: 'The org the key belongs to, or `personal`.',
  })
  readonly workspace_id!: string;
}

/** An OpenRouter `Key`: never the secret. */
export class OpenRouterKeyResponse extends OpenRouterLimitsResponse implements OpenRouterKey {
  @ApiProperty({ type: String, description: "The hash of the key's secret: its id here." })
  readonly hash!: string;

  @ApiProperty({ type: String })
  readonly name!: string;

  @ApiProperty({ type: Boolean })
  readonly disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly updated_at!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "keyledger's `external_id`: the customer's own id for the owner.",
  })
  readonly external_user!: string | null;
}

/** `{ data: Key }`; data is null only in a 202 (stored, not yet shown by reads). */
export class OpenRouterKeyEnvelopeResponse implements OpenRouterKeyEnvelope {
  @ApiProperty({ type: OpenRouterKeyResponse, nullable: true })
  readonly data!: OpenRouterKeyResponse | null;
}

/** `{ data: Key, key }`: `key` is the secret, shown this once. */
export class OpenRouterCreatedKeyResponse
  extends OpenRouterKeyEnvelopeResponse
  implements OpenRouterCreatedKey
{
  @ApiProperty({ type: String, nullable: true, description: 'The secret, shown this once.' })
  readonly key!: string | null;
}

/** `{ data: Key[] }`. */
export class OpenRouterKeyListResponse implements OpenRouterKeyList {
  @ApiProperty({ type: [OpenRouterKeyResponse] })
  readonly data!: OpenRouterKeyResponse[];
}

/** `{ deleted: true }`. */
export class OpenRouterDeletedResponse implements OpenRouterDeleted {
  @ApiProperty({ type: Boolean, enum: [true] })
  readonly deleted!: true;
}

/** The free-model quota OpenRouter reports (keyledger has none: zeros). */
class FreeModelRequestsResponse implements Readonly<
  OpenRouterCurrentKey['free_model_daily_requests']
> {
  @ApiProperty({ type: Number })
  readonly limit!: number;

  @ApiProperty({ type: Number })
  readonly remaining!: number;

  @ApiProperty({ type: Number })
  readonly used!: number;
}

/** OpenRouter's deprecated `rate_limit`, reported as it reports it. */
class LegacyRateLimitResponse implements Readonly<OpenRouterCurrentKey['rate_limit']> {
  @ApiProperty({ type: Number, example: -1 })
  readonly requests!: number;

  @ApiProperty({ type: String, example: '10s' })
  readonly interval!: string;

  @ApiProperty({ type: String })
  readonly note!: string;
}

/** What `GET /key` tells a key about itself. */
export class OpenRouterCurrentKeyResponse
  extends OpenRouterLimitsResponse
  implements OpenRouterCurrentKey
{
  @ApiProperty({ type: String, nullable: true })
  readonly organization_id!: string | null;

  @ApiProperty({ type: Boolean })
  readonly is_free_tier!: boolean;

  @ApiProperty({ type: Boolean })
  readonly is_management_key!: boolean;

  @ApiProperty({ type: Boolean, description: 'The deprecated name of `is_management_key`.' })
  readonly is_provisioning_key!: boolean;

  @ApiProperty({ type: [String], example: ['global'] })
  readonly allowed_data_regions!: readonly string[];

  @ApiProperty({ type: FreeModelRequestsResponse })
  readonly free_model_daily_requests!: FreeModelRequestsResponse;

  @ApiProperty({ type: LegacyRateLimitResponse })
  readonly rate_limit!: LegacyRateLimitResponse;
}

/** `{ data: CurrentKey }`. */
export class OpenRouterCurrentKeyEnvelopeResponse implements OpenRouterCurrentKeyEnvelope {
  @ApiProperty({ type: OpenRouterCurrentKeyResponse })
  readonly data!: OpenRouterCurrentKeyResponse;
}
