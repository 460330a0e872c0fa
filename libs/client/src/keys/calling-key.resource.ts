import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import { Key, KEY_FIELDS } from './key.types';

/** The route of `/api/v1/key`. */
export const CALLING_KEY_OPERATIONS = {
  current: operation('GET', '/api/v1/key', { response: KEY_FIELDS }),
} as const;

/** `client.key`: the API key the client authenticates with. */
export class CallingKeyResource {
  constructor(private readonly transport: Transport) {}

  /** The calling key describes itself; refused (403 `api_key_required`) for a session token. */
  async current(options: ReadOptions = {}): Promise<ApiResponse<Key>> {
    return unwrap(
      await this.transport.call<{ data: Key }>(CALLING_KEY_OPERATIONS.current, { options }),
    );
  }
}
