import { ApiResponse } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  KEY_ROUTING_RULES_FIELDS,
  KeyRoutingRules,
  SET_KEY_ROUTING_RULES_FIELDS,
  SetKeyRoutingRulesRequest,
} from './key-routing.types';

const PATH = '/api/v1/keys/{id}/routing-rules';

/** The routes of a key's own rules. */
export const KEY_ROUTING_RULES_OPERATIONS = {
  get: operation('GET', PATH, { response: KEY_ROUTING_RULES_FIELDS }),
  put: operation('PUT', PATH, {
    body: SET_KEY_ROUTING_RULES_FIELDS,
    response: KEY_ROUTING_RULES_FIELDS,
  }),
  delete: operation('DELETE', PATH),
} as const;

/** `client.keys.routingRules`: rules kept on the key itself, ahead of any binding or default. */
export class KeyRoutingRulesResource {
  constructor(private readonly transport: Transport) {}

  /** The key's own rules (empty when it has none), with the key's `etag`. */
  get(idOrHash: string, options: ReadOptions = {}): Promise<ApiResponse<KeyRoutingRules>> {
    return this.transport.call(KEY_ROUTING_RULES_OPERATIONS.get, {
      params: { id: idOrHash },
      options,
    });
  }

  /** Replaces the key's rule set whole. */
  put(
    idOrHash: string,
    body: SetKeyRoutingRulesRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<KeyRoutingRules>> {
    return this.transport.call(KEY_ROUTING_RULES_OPERATIONS.put, {
      params: { id: idOrHash },
      body,
      options,
    });
  }

  /** Drops the key's own rules (204); shared preferences stay untouched. */
  delete(idOrHash: string, options: WriteOptions = {}): Promise<ApiResponse<null>> {
    return this.transport.call(KEY_ROUTING_RULES_OPERATIONS.delete, {
      params: { id: idOrHash },
      options,
    });
  }
}
