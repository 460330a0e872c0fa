import { anyCidrContains, cidrContains, isIpAddress, parseCidr, parseCidrList } from './cidr';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', 'ipv4'],
    ['10.1.2.3/8', '10.0.0.0/8', 'ipv4'],
    [' 203.0.113.7 ', '203.0.113.7/32', 'ipv4'],
    ['fd00::/8', 'fd00::/8', 'ipv6'],
    ['::1', '::1/128', 'ipv6'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8', 'ipv4'],
  ])('reads %p as %p', (text, canonical, kind) => {
    expect(parseCidr(text)).toMatchObject({ text: canonical, kind });
  });

  it.each([['10.0.0.0/33'], ['300.1.1.1'], ['example.com'], [''], ['10.0.0.0/']])(
    'refuses %p, naming it',
    (text) => {
      expect(() => parseCidr(text)).toThrow(/not a CIDR block or an IP address/);
    },
  );
});

describe('parseCidrList', () => {
  it('reads a comma list, ignoring blanks', () => {
    expect(parseCidrList('127.0.0.0/8, ::1,,').map((block) => block.text)).toEqual([
      '127.0.0.0/8',
      '::1/128',
    ]);
    expect(parseCidrList('')).toEqual([]);
  });

  it('throws on the first bad entry', () => {
    expect(() => parseCidrList('127.0.0.0/8,nope')).toThrow(/"nope"/);
  });
});

describe('cidrContains', () => {
  const loopback = parseCidr('127.0.0.0/8');

  it('matches addresses of the block, IPv4-mapped IPv6 included', () => {
    expect(cidrContains(loopback, '127.1.2.3')).toBe(true);
    expect(cidrContains(loopback, '::ffff:127.0.0.1')).toBe(true);
    expect(cidrContains(loopback, '128.0.0.1')).toBe(false);
  });

  it('never matches across address families', () => {
    expect(cidrContains(loopback, '::1')).toBe(false);
    expect(cidrContains(parseCidr('::/0'), '10.0.0.1')).toBe(false);
  });

  it('checks a list', () => {
    const blocks = parseCidrList('10.0.0.0/8,fd00::/8');
    expect(anyCidrContains(blocks, 'fd12::1')).toBe(true);
    expect(anyCidrContains(blocks, '8.8.8.8')).toBe(false);
  });
});

describe('isIpAddress', () => {
  it('tells literal addresses from names', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true);
    expect(isIpAddress('fe80::1')).toBe(true);
    expect(isIpAddress('example.com')).toBe(false);
  });
});
