/** A parsed HTTP exchange with the running app. */
export interface Exchange<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Calls the app with JSON in and out; `auth` is a bearer token or `{ apiKey }`. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    auth?: string | { apiKey: string };
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Exchange<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (typeof options.auth === 'string') headers.authorization = `Bearer ${options.auth}`;
  else if (options.auth) headers['x-api-key'] = options.auth.apiKey;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as T,
  };
}

/** Asserts the SPEC §7 error shape and returns its code. */
export function expectError(exchange: Exchange, status: number, code: string): void {
  expect({
    status: exchange.status,
    code: (exchange.body as { error?: { code?: string } }).error?.code,
  }).toEqual({ status, code });
  const error = (exchange.body as { error: { message: unknown; request_id: unknown } }).error;
  expect(typeof error.message).toBe('string');
  expect(typeof error.request_id).toBe('string');
  expect(exchange.headers.get('x-error-code')).toBe(code);
}
