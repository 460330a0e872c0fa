import { parseCidrList } from './cidr';
import { nonPublicRangeOf, OutboundAddressPolicy } from './outbound-address';

describe('nonPublicRangeOf', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00::1', '6to4'],
  ])('names %p as %p', (address, range) => {
    expect(nonPublicRangeOf(address)).toBe(range);
  });

  it.each([['8.8.8.8'], ['203.0.114.1'], ['2001:4860:4860::8888']])(
    'passes public %p',
    (address) => {
      expect(nonPublicRangeOf(address)).toBeNull();
    },
  );
});

describe('OutboundAddressPolicy', () => {
  it('refuses internal addresses naming their range, and allows public ones', () => {
    const policy = new OutboundAddressPolicy();
    expect(policy.refusedRange('10.0.0.5')).toBe('private');
    expect(policy.refusedRange('8.8.8.8')).toBeNull();
  });

  it('allows exactly the blocks an operator names', () => {
    const policy = new OutboundAddressPolicy(parseCidrList('127.0.0.0/8'));
    expect(policy.refusedRange('127.0.0.1')).toBeNull();
    expect(policy.refusedRange('::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusedRange('::1')).toBe('loopback');
    expect(policy.refusedRange('10.0.0.1')).toBe('private');
  });
});
