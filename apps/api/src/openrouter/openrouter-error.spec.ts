import { ErrorResponse } from '../shared/errors/error-response';
import { toOpenRouterError } from './openrouter-error';

const specError = (
  status: number,
  code: string,
  extra: Partial<ErrorResponse['body']['error']> = {},
  headers: Record<string, string> = {},
): ErrorResponse => ({
  status,
  headers: { ...headers, 'X-Error-Code': code },
  body: { error: { code, message: `${code} happened`, request_id: 'req-1', ...extra } },
});

describe('toOpenRouterError', () => {
  it('puts the status in error.code and keyledger’s code and request id in metadata', () => {
    expect(toOpenRouterError(specError(403, 'management_key_required'))).toEqual({
      status: 403,
      headers: { 'X-Error-Code': 'management_key_required' },
      body: {
        error: {
          code: 403,
          message: 'management_key_required happened',
          metadata: { error_code: 'management_key_required', request_id: 'req-1' },
        },
      },
    });
  });

  it('keeps the failing fields of a validation error', () => {
    const fields = [{ field: 'limit', message: 'must not be less than 0' }];
    const translated = toOpenRouterError(specError(400, 'validation_failed', { fields }));
    expect(translated.body.error).toMatchObject({ code: 400, metadata: { fields } });
  });

  it('keeps the headers clients act on', () => {
    const headers = { 'Retry-After': '12', 'WWW-Authenticate': 'Bearer' };
    expect(
      toOpenRouterError(specError(429, 'too_many_auth_failures', {}, headers)).headers,
    ).toEqual({ ...headers, 'X-Error-Code': 'too_many_auth_failures' });
  });

  it('answers a change to a revoked key as OpenRouter answers a deleted one: 404', () => {
    const translated = toOpenRouterError(specError(409, 'key_revoked'));
    expect(translated.status).toBe(404);
    expect(translated.headers['X-Error-Code']).toBe('not_found');
    expect(translated.body.error).toEqual({
      code: 404,
      message: 'Key not found.',
      metadata: { error_code: 'not_found', request_id: 'req-1' },
    });
  });
});
