import { ApiResponse } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import { EFFECTIVE_ROUTING_FIELDS, EffectiveRouting } from './key-routing.types';

/** The route of a key's effective routing. */
export const EFFECTIVE_ROUTING_OPERATIONS = {
  get: operation('GET', '/api/v1/keys/{id}/effective-routing', {
    response: EFFECTIVE_ROUTING_FIELDS,
  }),
} as const;

/** `client.keys.effectiveRouting`: what routing a request with the key follows, and why. */
export class EffectiveRoutingResource {
  constructor(private readonly transport: Transport) {}

  /** Key rules or binding → org default → user default → none, skipping disabled preferences. */
  get(idOrHash: string, options: ReadOptions = {}): Promise<ApiResponse<EffectiveRouting>> {
    return this.transport.call(EFFECTIVE_ROUTING_OPERATIONS.get, {
      params: { id: idOrHash },
      options,
    });
  }
}
