import { ApiProperty } from '@nestjs/swagger';
import {
  HashScheme,
  IMPORT_HASH_ALGORITHMS,
  KEY_SCOPES,
  KeyMetadata,
  LIMIT_RESETS,
  RateLimit,
} from '@keyledger/domain';
import { ImportedFrom } from '@keyledger/read-models';
import { enumValues } from '../shared/openapi/enum-values';
import { KeyEnvelope, KeyWithSecret } from './key-view';
import { KeyView } from './key-view';
import { KeyPage } from './queries/list-keys/list-keys.handler';

type CreditUsageField =
  | 'usage'
  | 'usage_daily'
  | 'usage_weekly'
  | 'usage_monthly'
  | 'byok_usage'
  | 'byok_usage_daily'
  | 'byok_usage_weekly'
  | 'byok_usage_monthly';

// The OpenAPI schemas of the key answers. Each class implements the view it documents, so a field
// added to the view without its schema here fails to compile; the views stay the source of truth.

/** One named rate limit of a key. */
export class RateLimitResponse implements RateLimit {
  @ApiProperty({ type: String, example: 'requests' })
  readonly name!: string;

  @ApiProperty({ type: Number, minimum: 1, example: 600 })
  readonly limit!: number;

  @ApiProperty({ type: Number, minimum: 1000, example: 60000 })
  readonly duration_ms!: number;
}

/** Where an imported key came from. */
export class ImportedFromResponse implements ImportedFrom {
  @ApiProperty({ type: String, example: 'sk-or-v1-', description: 'What its secrets start with.' })
  readonly prefix!: string;

  @ApiProperty({ type: String, nullable: true, example: 'openrouter' })
  readonly origin!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly imported_at!: string;
}

/** A key's spend in credits, all time and per UTC window (the OpenRouter surface shows it too). */
export class CreditUsageResponse implements Pick<KeyView, CreditUsageField> {
  @ApiProperty({ type: Number, description: 'Credits, all time.' })
  readonly usage!: number;

  @ApiProperty({ type: Number })
  readonly usage_daily!: number;

  @ApiProperty({ type: Number })
  readonly usage_weekly!: number;

  @ApiProperty({ type: Number })
  readonly usage_monthly!: number;

  @ApiProperty({ type: Number, description: "Credits billed to the customer's own provider key." })
  readonly byok_usage!: number;

  @ApiProperty({ type: Number })
  readonly byok_usage_daily!: number;

  @ApiProperty({ type: Number })
  readonly byok_usage_weekly!: number;

  @ApiProperty({ type: Number })
  readonly byok_usage_monthly!: number;
}

/** `Key` in the OpenAPI document: a KeyView with its usage figures. */
export class KeyResponse extends CreditUsageResponse implements KeyView {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({
    type: String,
    description: 'The keyed hash of the secret: management routes accept it in place of the id.',
  })
  readonly hash!: string;

  @ApiProperty({ type: String, example: 'rk_0123…cdef' })
  readonly label!: string;

  @ApiProperty({ type: String })
  readonly name!: string;

  @ApiProperty({ enum: enumValues<KeyView['scope']>({ personal: true, org: true }) })
  readonly scope!: KeyView['scope'];

  @ApiProperty({ type: String })
  readonly owner_user_id!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly org_id!: string | null;

  @ApiProperty({ type: [String], enum: KEY_SCOPES })
  readonly scopes!: readonly string[];

  @ApiProperty({ type: Boolean })
  readonly disabled!: boolean;

  @ApiProperty({ type: Boolean })
  readonly revoked!: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Credits; null for unlimited.' })
  readonly limit!: number | null;

  @ApiProperty({ enum: LIMIT_RESETS, nullable: true, description: 'null: never resets.' })
  readonly limit_reset!: KeyView['limit_reset'];

  @ApiProperty({ type: Boolean })
  readonly include_byok_in_limit!: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Credits; null for unlimited.' })
  readonly limit_remaining!: number | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'End of the current limit window; null when unlimited or never resetting.',
  })
  readonly limit_window_end!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly plan_tier!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly routing_preference_id!: string | null;

  @ApiProperty({
    type: [String],
    example: ['203.0.113.0/24', '2001:db8::/32'],
    description: 'Canonical CIDRs the key resolves from (`client_ip`); [] for anywhere.',
  })
  readonly allowed_ips!: readonly string[];

  @ApiProperty({ type: () => [RateLimitResponse], description: 'Named sliding-window limits.' })
  readonly rate_limits!: readonly RateLimit[];

  @ApiProperty({
    type: [Number],
    example: [80, 100],
    description: 'Percentages of the limit that record a `KeyLimitThresholdReached` alert.',
  })
  readonly alert_thresholds!: readonly number[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { team: 'search', cost_center: 4711 },
    description: 'The customer’s own labels: at most 50 scalar values, 4 KB.',
  })
  readonly metadata!: KeyMetadata;

  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 256,
    description: 'The customer’s own id for the owner.',
  })
  readonly external_id!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly created_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly updated_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly expires_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly revoked_at!: string | null;

  @ApiProperty({
    enum: ['native', ...IMPORT_HASH_ALGORITHMS],
    description:
      "How `hash` was made: `native` (HMAC-SHA-256 with the deployment's pepper, or SHA-256 without one) or `sha256` (the plain SHA-256 of an imported key's original secret, until it is rotated).",
  })
  readonly hash_scheme!: HashScheme;

  @ApiProperty({ type: ImportedFromResponse, nullable: true, description: 'null: made here.' })
  readonly imported!: ImportedFromResponse | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a leak of its secret was last reported; null: never.',
  })
  readonly leak_reported_at!: string | null;

  @ApiProperty({ type: Number, description: 'Requests, all time.' })
  readonly requests!: number;

  @ApiProperty({ type: Number })
  readonly requests_daily!: number;

  @ApiProperty({ type: Number })
  readonly requests_weekly!: number;

  @ApiProperty({ type: Number })
  readonly requests_monthly!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly last_used_at!: string | null;
}

/** `{ data: Key }`. */
export class KeyEnvelopeResponse implements KeyEnvelope {
  @ApiProperty({ type: KeyResponse })
  readonly data!: KeyResponse;
}

/** `{ data: Key, secret }`: the secret shown the one time it exists in the clear. */
export class KeyWithSecretResponse implements KeyWithSecret {
  @ApiProperty({ type: KeyResponse })
  readonly data!: KeyResponse;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when an `Idempotency-Key` retry replays the creation.',
  })
  readonly secret!: string | null;
}

/** A key command's 202: stored, but reads did not show it in time, so there is no key to show. */
export class KeyAcceptedResponse implements KeyEnvelope {
  @ApiProperty({
    type: KeyResponse,
    nullable: true,
    description: "null: read the key with `X-Min-Position` set to this answer's `X-Position`.",
  })
  readonly data!: KeyResponse | null;
}

/** As KeyAcceptedResponse, with the secret, shown this once all the same. */
export class KeyWithSecretAcceptedResponse extends KeyAcceptedResponse implements KeyWithSecret {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when an `Idempotency-Key` retry replays the creation.',
  })
  readonly secret!: string | null;
}

/** `{ data: Key[], next_cursor }`. */
export class KeyPageResponse implements KeyPage {
  @ApiProperty({ type: [KeyResponse] })
  readonly data!: KeyResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last one.',
  })
  readonly next_cursor!: string | null;
}
