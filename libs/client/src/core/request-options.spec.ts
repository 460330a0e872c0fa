import { authHeaders } from './auth';
import { optionHeaders } from './request-options';

describe('optionHeaders', () => {
  it('sends none for no options, and none for null values', () => {
    expect(optionHeaders({})).toEqual({});
    expect(optionHeaders({ ifMatch: null, minPosition: null })).toEqual({});
  });

  it('quotes a revision number and passes an ETag as the service sent it', () => {
    expect(optionHeaders({ ifMatch: 3 })).toEqual({ 'if-match': '"3"' });
    expect(optionHeaders({ ifMatch: 'W/"7"' })).toEqual({ 'if-match': 'W/"7"' });
  });

  it('sends Idempotency-Key and X-Min-Position (0 included)', () => {
    expect(optionHeaders({ idempotencyKey: 'job-42', minPosition: 0 })).toEqual({
      'idempotency-key': 'job-42',
      'x-min-position': '0',
    });
  });
});

describe('authHeaders', () => {
  it('sends a session token as a bearer, a key secret as X-API-Key, nothing when anonymous', () => {
    expect(authHeaders({ bearer: 'jwt' })).toEqual({ authorization: 'Bearer jwt' });
    expect(authHeaders({ apiKey: 'rk_1' })).toEqual({ 'x-api-key': 'rk_1' });
    expect(authHeaders(undefined)).toEqual({});
  });
});
