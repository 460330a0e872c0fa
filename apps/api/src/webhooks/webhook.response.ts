import { ApiProperty } from '@nestjs/swagger';
import { WebhookEventType } from '@keyledger/domain/webhooks';
import { DeliveryStatus } from '@keyledger/webhooks';
import { enumValues } from '../shared/openapi/enum-values';
import { KNOWN_EVENT_TYPES } from './event-type-selection';
import {
  AttemptView,
  DeliveryLogPage,
  DeliveryView,
} from './queries/list-webhook-deliveries/delivery-log-page';
import { WebhookList } from './queries/list-webhooks/list-webhooks.handler';
import { WebhookEnvelope, WebhookView, WebhookWithSecret } from './webhook-view';

// The OpenAPI schemas of the webhook answers. Each class implements the view it documents, so a
// field added to the view without its schema here fails to compile.

const DELIVERY_STATUSES = enumValues<DeliveryStatus>({
  pending: true,
  delivered: true,
  dead: true,
  cancelled: true,
});

/** `Webhook` in the OpenAPI document: a subscription, never its signing secret. */
export class WebhookResponse implements WebhookView {
  @ApiProperty({ type: String })
  readonly id!: string;

  @ApiProperty({ type: String, format: 'uri' })
  readonly url!: string;

  @ApiProperty({ type: [String], enum: KNOWN_EVENT_TYPES })
  readonly event_types!: readonly WebhookEventType[];

  @ApiProperty({ type: Boolean, description: 'false: paused, events meanwhile are not delivered.' })
  readonly enabled!: boolean;

  @ApiProperty({ enum: enumValues<WebhookView['scope']>({ personal: true, org: true }) })
  readonly scope!: WebhookView['scope'];

  @ApiProperty({ type: String })
  readonly owner_user_id!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly org_id!: string | null;

  @ApiProperty({
    type: Number,
    description: 'Which signing secret is current: 1 at creation, one more at each rotation.',
  })
  readonly secret_version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly created_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly updated_at!: string;
}

/** `{ data: Webhook }`. */
export class WebhookEnvelopeResponse implements WebhookEnvelope {
  @ApiProperty({ type: WebhookResponse })
  readonly data!: WebhookResponse;
}

/** `{ data: Webhook, secret }`: the signing secret, shown this once. */
export class WebhookWithSecretResponse
  extends WebhookEnvelopeResponse
  implements WebhookWithSecret
{
  @ApiProperty({
    type: String,
    example: 'whsec_…',
    description: 'Verifies `X-Keyledger-Signature`.',
  })
  readonly secret!: string;
}

/** `{ data: Webhook[] }`, newest first. */
export class WebhookListResponse implements WebhookList {
  @ApiProperty({ type: [WebhookResponse] })
  readonly data!: WebhookResponse[];
}

/** One attempt at a delivery. */
export class DeliveryAttemptResponse implements AttemptView {
  @ApiProperty({ type: Number, description: '1 for the first attempt.' })
  readonly attempt!: number;

  @ApiProperty({ type: String, format: 'uri' })
  readonly url!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES.filter((status) => status !== 'cancelled') })
  readonly outcome!: AttemptView['outcome'];

  @ApiProperty({ type: String, format: 'date-time' })
  readonly attempted_at!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'null: no response came.' })
  readonly status_code!: number | null;

  @ApiProperty({ type: Number })
  readonly duration_ms!: number;

  @ApiProperty({ type: String, nullable: true, description: 'null on success (2xx).' })
  readonly error!: string | null;
}

/** One event owed to a subscription, with its attempts. */
export class DeliveryResponse implements DeliveryView {
  @ApiProperty({ type: String })
  readonly event_id!: string;

  @ApiProperty({ type: String, example: 'key.revoked' })
  readonly event_type!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  readonly status!: DeliveryStatus;

  @ApiProperty({ type: Number, description: 'Attempts made so far.' })
  readonly attempts!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null unless pending.',
  })
  readonly next_attempt_at!: string | null;

  @ApiProperty({ type: [DeliveryAttemptResponse], description: 'Oldest first.' })
  readonly attempt_log!: DeliveryAttemptResponse[];
}

/** `{ data: Delivery[], next_cursor }`, newest event first. */
export class DeliveryLogPageResponse implements DeliveryLogPage {
  @ApiProperty({ type: [DeliveryResponse] })
  readonly data!: DeliveryResponse[];

  @ApiProperty({ type: String, nullable: true })
  readonly next_cursor!: string | null;
}
