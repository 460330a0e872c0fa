import { failedFields } from '../testing';
import { checkAllowedIps } from './ip-allowlist';
import { checkExternalId, checkMetadata } from './key-metadata';
import { checkRateLimits } from './rate-limits';
import { validate } from '../shared/validation';

describe('checkAllowedIps', () => {
  it('drops duplicates and keeps the order (the edge has normalised the entries)', () => {
    expect(
      validate((errors) =>
        checkAllowedIps(errors, ['203.0.113.0/24', '2001:db8::/32', '203.0.113.0/24']),
      ),
    ).toEqual(['203.0.113.0/24', '2001:db8::/32']);
  });

  it.each([
    [['10.0.0.1'], []],
    [[], []],
    ['10.0.0.1', ['allowed_ips']],
    [
      ['', '10.0.0.1/32', 7],
      ['allowed_ips[0]', 'allowed_ips[2]'],
    ],
    [Array.from({ length: 101 }, (_, i) => `10.0.0.${i % 256}`), ['allowed_ips']],
  ])('%j fails on %j', (value, fields) => {
    expect(failedFields((errors) => checkAllowedIps(errors, value))).toEqual(fields);
  });
});

describe('checkRateLimits', () => {
  const limit = { name: 'requests', limit: 600, duration_ms: 60_000 };

  it('keeps valid limits as given', () => {
    expect(validate((errors) => checkRateLimits(errors, [limit]))).toEqual([limit]);
  });

  it.each([
    [[{ ...limit, name: '' }], ['rate_limits[0].name']],
    [[{ ...limit, limit: 0 }], ['rate_limits[0].limit']],
    [[{ ...limit, limit: 1.5 }], ['rate_limits[0].limit']],
    [[{ ...limit, duration_ms: 999 }], ['rate_limits[0].duration_ms']],
    [[{ ...limit, extra: 1 }], ['rate_limits[0]']],
    [[limit, limit], ['rate_limits']],
    [Array.from({ length: 11 }, (_, i) => ({ ...limit, name: `l${i}` })), ['rate_limits']],
    [{}, ['rate_limits']],
    [[null], ['rate_limits[0]']],
  ])('%j fails on %j', (value, fields) => {
    expect(failedFields((errors) => checkRateLimits(errors, value))).toEqual(fields);
  });
});

describe('checkMetadata', () => {
  it('keeps a flat object of scalars', () => {
    const metadata = { team: 'search', cost_center: 4711, prod: true, note: null, max_tokens: 10 };
    expect(validate((errors) => checkMetadata(errors, metadata))).toEqual(metadata);
  });

  it.each([
    [[], ['metadata']],
    [null, ['metadata']],
    [{ nested: { a: 1 } }, ['metadata.nested']],
    [{ list: [1] }, ['metadata.list']],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])), ['metadata']],
    [{ blob: 'x'.repeat(4100) }, ['metadata']],
    [{ password: 'x' }, ['metadata.password']],
    [{ clientSecret: 'x' }, ['metadata.clientSecret']],
    [{ 'X-Api-Key': 'x' }, ['metadata.X-Api-Key']],
    [{ aws_access_token: 'x' }, ['metadata.aws_access_token']],
    [{ upstream: `sk-${'a'.repeat(64)}` }, ['metadata.upstream']],
  ])('%j fails on %j', (value, fields) => {
    expect(failedFields((errors) => checkMetadata(errors, value))).toEqual(fields);
  });
});

describe('checkExternalId', () => {
  it('trims, clears with null and caps at 256 characters', () => {
    expect(validate((errors) => checkExternalId(errors, '  cus_42 '))).toBe('cus_42');
    expect(validate((errors) => checkExternalId(errors, null))).toBeNull();
    expect(failedFields((errors) => checkExternalId(errors, 'x'.repeat(257)))).toEqual([
      'external_id',
    ]);
  });
});
