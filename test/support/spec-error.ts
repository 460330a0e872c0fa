import { Exchange } from './http';

/**
 * Asserts that a refusal is a SPEC §7 error: a 4xx (never a 5xx), the `{error: {code, message,
 * request_id}}` body, and the same code in `X-Error-Code`. Returns the code.
 */
export function expectSpecError(exchange: Exchange<unknown>): string {
  const error = (exchange.body as { error?: Record<string, unknown> } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : null;
  expect({
    status4xx: exchange.status >= 400 && exchange.status < 500,
    code: code !== null && /^[a-z][a-z0-9_]*$/.test(code),
    message: typeof error?.message,
    request_id: typeof error?.request_id,
    header: exchange.headers.get('x-error-code'),
  }).toEqual({
    status4xx: true,
    code: true,
    message: 'string',
    request_id: 'string',
    header: code,
  });
  return code ?? '';
}
