import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { PageResponse, paginate } from '../core/pagination';
import { CallOptions, ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  CREATE_ROUTING_PREFERENCE_FIELDS,
  CreateRoutingPreferenceRequest,
  LIST_ROUTING_PREFERENCES_FIELDS,
  ListRoutingPreferencesQuery,
  ROUTING_PREFERENCE_FIELDS,
  RoutingPreference,
  UPDATE_ROUTING_PREFERENCE_FIELDS,
  UpdateRoutingPreferenceRequest,
} from './routing-preference.types';

const BASE = '/api/v1/routing-preferences';
const ONE = `${BASE}/{id}`;

/** The routes of `/api/v1/routing-preferences`. */
export const ROUTING_PREFERENCE_OPERATIONS = {
  create: operation('POST', BASE, {
    body: CREATE_ROUTING_PREFERENCE_FIELDS,
    response: ROUTING_PREFERENCE_FIELDS,
  }),
  list: operation('GET', BASE, {
    query: LIST_ROUTING_PREFERENCES_FIELDS,
    response: ROUTING_PREFERENCE_FIELDS,
  }),
  get: operation('GET', ONE, { response: ROUTING_PREFERENCE_FIELDS }),
  update: operation('PATCH', ONE, {
    body: UPDATE_ROUTING_PREFERENCE_FIELDS,
    response: ROUTING_PREFERENCE_FIELDS,
  }),
  delete: operation('DELETE', ONE),
} as const;

type One = { readonly data: RoutingPreference };
type Page = { readonly data: RoutingPreference[]; readonly next_cursor: string | null };

/** `client.routingPreferences`: named, shared routing preferences (SPEC §4). */
export class RoutingPreferencesResource {
  constructor(private readonly transport: Transport) {}

  /** Creates a personal preference, or a team one in the caller's active organization. */
  async create(
    body: CreateRoutingPreferenceRequest,
    options: CallOptions = {},
  ): Promise<ApiResponse<RoutingPreference>> {
    return unwrap(
      await this.transport.call<One>(ROUTING_PREFERENCE_OPERATIONS.create, { body, options }),
    );
  }

  /** One page of the preferences the caller can see, newest first. */
  async list(
    query: ListRoutingPreferencesQuery = {},
    options: ReadOptions = {},
  ): Promise<PageResponse<RoutingPreference>> {
    return unwrap(
      await this.transport.call<Page>(ROUTING_PREFERENCE_OPERATIONS.list, { query, options }),
    );
  }

  /** Every preference the query matches, page after page: `for await (const p of …)`. */
  iterate(
    query: Omit<ListRoutingPreferencesQuery, 'cursor'> = {},
    options: ReadOptions = {},
  ): AsyncGenerator<RoutingPreference> {
    return paginate((cursor) => this.list({ ...query, cursor }, options));
  }

  /** A preference, with its `etag`. */
  async get(id: string, options: ReadOptions = {}): Promise<ApiResponse<RoutingPreference>> {
    return unwrap(
      await this.transport.call<One>(ROUTING_PREFERENCE_OPERATIONS.get, {
        params: { id },
        options,
      }),
    );
  }

  /** Changes the fields it names; collections it names are replaced whole. */
  async update(
    id: string,
    patch: UpdateRoutingPreferenceRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<RoutingPreference>> {
    return unwrap(
      await this.transport.call<One>(ROUTING_PREFERENCE_OPERATIONS.update, {
        params: { id },
        body: patch,
        options,
      }),
    );
  }

  /** Deletes the preference, its default status and every binding to it (204). */
  delete(id: string, options: WriteOptions = {}): Promise<ApiResponse<null>> {
    return this.transport.call(ROUTING_PREFERENCE_OPERATIONS.delete, { params: { id }, options });
  }
}
