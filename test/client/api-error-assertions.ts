import { KeyledgerApiError } from '@keyledger/client';

/** The KeyledgerApiError a client call rejected with; fails the test if it did anything else. */
export async function rejection(call: Promise<unknown>): Promise<KeyledgerApiError> {
  const outcome = await call.then(
    (response) => ({ resolved: response }),
    (error: unknown) => ({ rejected: error }),
  );
  if ('rejected' in outcome && outcome.rejected instanceof KeyledgerApiError)
    return outcome.rejected;
  throw new Error(`expected a KeyledgerApiError, got ${JSON.stringify(outcome)}`);
}

/**
 * Asserts a SPEC §7 refusal (as expectSpecError does for raw exchanges): a 4xx, a snake_case
 * code, a message, a request id, and the same code in `X-Error-Code`.
 */
export function expectSpecApiError(error: KeyledgerApiError): void {
  expect({
    status4xx: error.status >= 400 && error.status < 500,
    code: /^[a-z][a-z0-9_]*$/.test(error.code),
    message: typeof error.message,
    request_id: typeof error.request_id,
    header: error.headers.get('x-error-code'),
  }).toEqual({
    status4xx: true,
    code: true,
    message: 'string',
    request_id: 'string',
    header: error.code,
  });
}

/** Asserts the call was refused with this status and code, as expectError does; returns the error. */
export async function expectApiError(
  call: Promise<unknown>,
  status: number,
  code: string,
): Promise<KeyledgerApiError> {
  const error = await rejection(call);
  expect({ status: error.status, code: error.code }).toEqual({ status, code });
  expect(typeof error.message).toBe('string');
  expect(typeof error.request_id).toBe('string');
  expect(error.headers.get('x-error-code')).toBe(code);
  return error;
}

/** The status a client call answered with, or was refused with (a refusal must be SPEC §7). */
export async function statusOf(call: Promise<{ readonly status: number }>): Promise<number> {
  try {
    return (await call).status;
  } catch (error) {
    if (!(error instanceof KeyledgerApiError)) throw error;
    expectSpecApiError(error);
    return error.status;
  }
}

/** The field paths a validation error lists. */
export const failedFieldsOf = (error: KeyledgerApiError): string[] =>
  error.fields.map((f) => f.field);
