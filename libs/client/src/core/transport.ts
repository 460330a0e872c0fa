import { ApiResponse, responseMeta } from './api-response';
import { Auth, authHeaders } from './auth';
import { apiErrorFrom, KeyledgerApiError } from './keyledger-api-error';
import { fillPath, Operation, PathParams } from './operation';
import { QueryParams, toQueryString } from './query-string';
import { AnyOptions, optionHeaders } from './request-options';

/** Where the service is and who calls it. */
export interface TransportConfig {
  /** The service's origin, e.g. `https://keyledger.example.com`. */
  readonly baseUrl: string;
  /** Omitted: anonymous calls (only `/health` and `/openapi.json` answer them). */
  readonly auth?: Auth;
  /** Another fetch (a test double, undici with a proxy); default: the global one. */
  readonly fetch?: typeof fetch;
}

/** One call of an operation. */
export interface CallRequest {
  readonly params?: PathParams;
  readonly query?: QueryParams;
  /** Sent as JSON; undefined sends no body. */
  readonly body?: unknown;
  readonly options?: AnyOptions;
}

/** Sends operations over HTTP and turns answers into ApiResponse or KeyledgerApiError. */
export class Transport {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly config: TransportConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    // Bound late: a global fetch stubbed after the client was built is still the one used.
    this.fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Calls the operation; resolves on a 2xx, rejects with a KeyledgerApiError otherwise. */
  async call<T>(operation: Operation, request: CallRequest = {}): Promise<ApiResponse<T>> {
    const { response, text } = await this.send(operation, request, 'application/json');
    return {
      data: parseData<T>(response, text),
      ...responseMeta(response.status, response.headers),
    };
  }

  /** As call, for a route that answers with a file (NDJSON, CSV): the body as text. */
  async callText(
    operation: Operation,
    request: CallRequest = {},
    accept = '*/*',
  ): Promise<ApiResponse<string>> {
    const { response, text } = await this.send(operation, request, accept);
    return { data: text, ...responseMeta(response.status, response.headers) };
  }

  private async send(
    operation: Operation,
    request: CallRequest,
    accept: string,
  ): Promise<{ response: Response; text: string }> {
    const options = request.options ?? {};
    const path = fillPath(operation.path, request.params ?? {});
    const headers: Record<string, string> = {
      accept,
      ...authHeaders(this.config.auth),
      ...optionHeaders(options),
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetch(
      `${this.baseUrl}${path}${toQueryString(request.query ?? {})}`,
      {
        method: operation.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: options.signal,
      },
    );
    const text = await response.text();
    if (!response.ok) throw apiErrorFrom(response.status, response.headers, text);
    return { response, text };
  }
}

/** A 2xx body: JSON, or null when empty (204). */
function parseData<T>(response: Response, text: string): T {
  if (text === '') return null as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new KeyledgerApiError(
      response.status,
      'invalid_response',
      `The service answered ${response.status} with a body that is not JSON.`,
      null,
      [],
      response.headers,
    );
  }
}
