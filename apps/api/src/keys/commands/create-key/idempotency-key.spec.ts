import { ApiError } from '../../../shared/errors/api-error';
import { idempotencyStream, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('keeps printable keys up to 255 characters and reads absence as null', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey('3f1c-retry:1')).toBe('3f1c-retry:1');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });

  it.each([[''], ['k'.repeat(256)], ['with space'], ['naïve']])('refuses %p', (header) => {
    expect(() => parseIdempotencyKey(header)).toThrow(ApiError);
  });
});

describe('requestFingerprint', () => {
  it('ignores field order but not values', () => {
    const fingerprint = requestFingerprint({ name: 'ci', limit: 5, scopes: ['completions'] });
    expect(requestFingerprint({ scopes: ['completions'], limit: 5, name: 'ci' })).toBe(fingerprint);
    expect(requestFingerprint({ name: 'ci', limit: 6, scopes: ['completions'] })).not.toBe(
      fingerprint,
    );
  });

  it('sees nested values, in any field order', () => {
    const nested = { name: 'ci', policy: { ips: ['10.0.0.0/8'], max: 1 } };
    expect(
      requestFingerprint({ name: 'ci', policy: { ips: ['192.168.0.0/16'], max: 1 } }),
    ).not.toBe(requestFingerprint(nested));
    expect(requestFingerprint({ policy: { max: 1, ips: ['10.0.0.0/8'] }, name: 'ci' })).toBe(
      requestFingerprint(nested),
    );
  });
});

describe('idempotencyStream', () => {
  it('is per user, and never contains the client key itself', () => {
    const stream = idempotencyStream('alice', 'my-key');
    expect(stream).toMatch(/^idempotency-[0-9a-f]{64}$/);
    expect(idempotencyStream('bob', 'my-key')).not.toBe(stream);
  });
});
