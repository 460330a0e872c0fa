import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { PageResponse, paginate } from '../core/pagination';
import { CallOptions, ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  CREATE_WEBHOOK_FIELDS,
  CreateWebhookRequest,
  Delivery,
  DELIVERY_FIELDS,
  LIST_DELIVERIES_FIELDS,
  ListDeliveriesQuery,
  UPDATE_WEBHOOK_FIELDS,
  UpdateWebhookRequest,
  Webhook,
  WEBHOOK_FIELDS,
} from './webhook.types';

const BASE = '/api/v1/webhooks';
const ONE = `${BASE}/{id}`;

/** The routes of `/api/v1/webhooks`. */
export const WEBHOOK_OPERATIONS = {
  create: operation('POST', BASE, { body: CREATE_WEBHOOK_FIELDS, response: WEBHOOK_FIELDS }),
  list: operation('GET', BASE, { response: WEBHOOK_FIELDS }),
  get: operation('GET', ONE, { response: WEBHOOK_FIELDS }),
  update: operation('PATCH', ONE, { body: UPDATE_WEBHOOK_FIELDS, response: WEBHOOK_FIELDS }),
  delete: operation('DELETE', ONE),
  rotateSecret: operation('POST', `${ONE}/rotate-secret`, { response: WEBHOOK_FIELDS }),
  deliveries: operation('GET', `${ONE}/deliveries`, {
    query: LIST_DELIVERIES_FIELDS,
    response: DELIVERY_FIELDS,
  }),
} as const;

/** A create or rotate answer: the only place the signing secret (`whsec_…`) appears. */
export type WebhookSecretResponse = ApiResponse<Webhook> & { readonly secret: string };

type One = { readonly data: Webhook };
type WithSecret = One & { readonly secret: string };
type DeliveryPage = { readonly data: Delivery[]; readonly next_cursor: string | null };

/** `client.webhooks`: signed, retried notifications of key lifecycle events (SPEC §6). */
export class WebhooksResource {
  constructor(private readonly transport: Transport) {}

  /** Subscribes an endpoint; keep the secret to verify `X-Keyledger-Signature`. */
  async create(
    body: CreateWebhookRequest,
    options: CallOptions = {},
  ): Promise<WebhookSecretResponse> {
    return unwrap(
      await this.transport.call<WithSecret>(WEBHOOK_OPERATIONS.create, { body, options }),
    );
  }

  /** The subscriptions the caller manages, newest first (not paged). */
  async list(options: ReadOptions = {}): Promise<ApiResponse<readonly Webhook[]>> {
    return unwrap(
      await this.transport.call<{ readonly data: Webhook[] }>(WEBHOOK_OPERATIONS.list, { options }),
    );
  }

  /** A subscription, with its `etag`. */
  async get(id: string, options: ReadOptions = {}): Promise<ApiResponse<Webhook>> {
    return unwrap(
      await this.transport.call<One>(WEBHOOK_OPERATIONS.get, { params: { id }, options }),
    );
  }

  /** Changes the URL or event types, or pauses (`enabled: false`) and resumes. */
  async update(
    id: string,
    patch: UpdateWebhookRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<Webhook>> {
    return unwrap(
      await this.transport.call<One>(WEBHOOK_OPERATIONS.update, {
        params: { id },
        body: patch,
        options,
      }),
    );
  }

  /** Deletes the subscription and cancels its pending deliveries (204). */
  delete(id: string, options: WriteOptions = {}): Promise<ApiResponse<null>> {
    return this.transport.call(WEBHOOK_OPERATIONS.delete, { params: { id }, options });
  }

  /** Replaces the signing secret at once; the new one is in this answer only. */
  async rotateSecret(id: string, options: WriteOptions = {}): Promise<WebhookSecretResponse> {
    return unwrap(
      await this.transport.call<WithSecret>(WEBHOOK_OPERATIONS.rotateSecret, {
        params: { id },
        options,
      }),
    );
  }

  /** One page of the delivery log, newest event first, each with its attempts. */
  async deliveries(
    id: string,
    query: ListDeliveriesQuery = {},
    options: ReadOptions = {},
  ): Promise<PageResponse<Delivery>> {
    return unwrap(
      await this.transport.call<DeliveryPage>(WEBHOOK_OPERATIONS.deliveries, {
        params: { id },
        query,
        options,
      }),
    );
  }

  /** Every delivery the query matches, page after page. */
  iterateDeliveries(
    id: string,
    query: Omit<ListDeliveriesQuery, 'cursor'> = {},
    options: ReadOptions = {},
  ): AsyncGenerator<Delivery> {
    return paginate((cursor) => this.deliveries(id, { ...query, cursor }, options));
  }
}
