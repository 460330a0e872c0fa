import { ApiResponse } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  BIND_KEY_PREFERENCE_FIELDS,
  BindKeyPreferenceRequest,
  KEY_ROUTING_PREFERENCE_FIELDS,
  KeyRoutingPreference,
} from './key-routing.types';

const PATH = '/api/v1/keys/{id}/routing-preference';

/** The routes of a key's binding. */
export const KEY_ROUTING_PREFERENCE_OPERATIONS = {
  get: operation('GET', PATH, { response: KEY_ROUTING_PREFERENCE_FIELDS }),
  put: operation('PUT', PATH, {
    body: BIND_KEY_PREFERENCE_FIELDS,
    response: KEY_ROUTING_PREFERENCE_FIELDS,
  }),
} as const;

/** `client.keys.routingPreference`: binds a key (by id or hash) to a shared preference. */
export class KeyRoutingPreferenceResource {
  constructor(private readonly transport: Transport) {}

  /** The key's binding, with the key's `etag`. */
  get(idOrHash: string, options: ReadOptions = {}): Promise<ApiResponse<KeyRoutingPreference>> {
    return this.transport.call(KEY_ROUTING_PREFERENCE_OPERATIONS.get, {
      params: { id: idOrHash },
      options,
    });
  }

  /** Binds the key to `preference_id`; null clears the binding. */
  put(
    idOrHash: string,
    body: BindKeyPreferenceRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<KeyRoutingPreference>> {
    return this.transport.call(KEY_ROUTING_PREFERENCE_OPERATIONS.put, {
      params: { id: idOrHash },
      body,
      options,
    });
  }
}
