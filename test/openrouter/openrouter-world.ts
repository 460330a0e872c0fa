import { OpenRouter } from '@openrouter/sdk';
import { Client, createKey } from '../routing-preferences/routing-world';
import { call, Exchange } from '../support/http';

/** Where the surface is mounted by default (OPENROUTER_PREFIX). */
export const OPENROUTER_PREFIX = '/openrouter/api/v1';

/** The official SDK pointed at a keyledger: the three lines a migrating user changes. */
export const openRouterSdk = (baseUrl: string, apiKey: string, prefix = OPENROUTER_PREFIX) =>
  new OpenRouter({
    serverURL: `${baseUrl}${prefix}`,
    apiKey,
    // A failing test should fail now, not after the SDK's hour of backoff on a 5xx.
    retryConfig: { strategy: 'none' },
  });

/** A key with the management scope, made through the canonical API. */
export const createManagementKey = (client: Client, body: Record<string, unknown> = {}) =>
  createKey(client, { name: 'management', scopes: ['management'], ...body });

/** OpenRouter's error body. */
export interface OpenRouterErrorBody {
  readonly error: {
    readonly code: number;
    readonly message: string;
    readonly metadata?: { readonly error_code?: string; readonly [field: string]: unknown };
  };
}

/** A raw call to the surface, with a key as bearer token (OpenRouter's only way). */
export const callOpenRouter = <T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { secret?: string; body?: unknown; rawBody?: string } = {},
): Promise<Exchange<T>> =>
  call<T>(baseUrl, method, `${OPENROUTER_PREFIX}${path}`, {
    auth: options.secret,
    body: options.body,
    rawBody: options.rawBody,
  });

/** Asserts OpenRouter's error shape (`code` is the status) and keyledger's code in metadata. */
export function expectOpenRouterError(
  exchange: Exchange<unknown>,
  status: number,
  errorCode: string,
): void {
  const body = exchange.body as OpenRouterErrorBody;
  expect({ status: exchange.status, code: body.error?.code }).toEqual({ status, code: status });
  expect(typeof body.error.message).toBe('string');
  expect(body.error.metadata?.error_code).toBe(errorCode);
  expect(exchange.headers.get('x-error-code')).toBe(errorCode);
}

/** What the SDK threw for an error status: its class name, the status and the parsed body. */
export interface SdkRefusal {
  readonly name: string;
  readonly status: number;
  readonly body: OpenRouterErrorBody;
}

/** Awaits an SDK call that must fail with an HTTP error, and describes the error. */
export async function sdkRefusal(pending: Promise<unknown>): Promise<SdkRefusal> {
  const error: unknown = await pending.then(
    () => new Error('expected the SDK call to fail'),
    (thrown: unknown) => thrown,
  );
  const http = error as { name?: unknown; statusCode?: unknown; body?: unknown };
  if (typeof http.statusCode !== 'number' || typeof http.body !== 'string') throw error;
  return {
    name: String(http.name),
    status: http.statusCode,
    body: JSON.parse(http.body) as OpenRouterErrorBody,
  };
}
