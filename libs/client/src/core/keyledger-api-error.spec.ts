import { apiErrorFrom, KeyledgerApiError } from './keyledger-api-error';

describe('apiErrorFrom', () => {
  it('reads the SPEC §7 body, fields included', () => {
    const headers = new Headers({ 'x-error-code': 'validation_failed' });
    const body = {
      error: {
        code: 'validation_failed',
        message: 'Invalid request.',
        request_id: 'req-1',
        fields: [{ field: 'rules[3].pattern', message: 'must compile' }],
      },
    };
    const error = apiErrorFrom(400, headers, JSON.stringify(body));
    expect(error).toBeInstanceOf(KeyledgerApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'KeyledgerApiError',
      status: 400,
      code: 'validation_failed',
      message: 'Invalid request.',
      request_id: 'req-1',
      fields: [{ field: 'rules[3].pattern', message: 'must compile' }],
    });
    expect(error.headers.get('x-error-code')).toBe('validation_failed');
  });

  it('lists no fields when the body names none', () => {
    const body = { error: { code: 'not_found', message: 'No such key.', request_id: 'r' } };
    expect(apiErrorFrom(404, new Headers(), JSON.stringify(body)).fields).toEqual([]);
  });

  it('falls back to X-Error-Code, then to http_<status>, for a body that is not SPEC §7', () => {
    const page = '<html>Bad gateway</html>';
    expect(apiErrorFrom(502, new Headers({ 'x-error-code': 'upstream' }), page)).toMatchObject({
      code: 'upstream',
      message: 'The service answered 502.',
      request_id: null,
    });
    expect(apiErrorFrom(502, new Headers(), page).code).toBe('http_502');
    expect(apiErrorFrom(500, new Headers(), 'null').code).toBe('http_500');
    expect(apiErrorFrom(500, new Headers(), '').code).toBe('http_500');
  });

  it('ignores malformed members instead of failing on them', () => {
    const body = { error: { code: 42, message: null, fields: [{ field: 'a' }, 'junk', null] } };
    expect(apiErrorFrom(400, new Headers(), JSON.stringify(body))).toMatchObject({
      code: 'http_400',
      message: 'The service answered 400.',
      fields: [{ field: 'a', message: '' }],
    });
  });
});
