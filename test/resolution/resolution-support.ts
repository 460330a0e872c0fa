import { call, Exchange } from '../support/http';

/** The secret as the gateway forwards it: in `X-API-Key` (default) or as a bearer token. */
export type Forwarded = { readonly apiKey: string } | string | undefined;

/** `POST /api/v1/resolve` with the customer's secret and an optional body. */
export const resolve = (baseUrl: string, secret: Forwarded, body?: unknown): Promise<Exchange> =>
  call(baseUrl, 'POST', '/api/v1/resolve', { auth: secret, body });

/** `POST /api/v1/usage`: the cost of a request, reported after it. */
export const reportUsage = (baseUrl: string, secret: Forwarded, body: unknown): Promise<Exchange> =>
  call(baseUrl, 'POST', '/api/v1/usage', { auth: secret, body });

/** Resolves, and reports `cost` for an admitted request; true when admitted. */
export async function spend(baseUrl: string, secret: string, cost: number): Promise<boolean> {
  const admitted = await resolve(baseUrl, { apiKey: secret });
  if (admitted.status !== 200) return false;
  const reported = await reportUsage(baseUrl, { apiKey: secret }, { cost });
  expect(reported.status).toBe(200);
  return true;
}

/** Retries `check` every 5 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 5_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return check();
}
