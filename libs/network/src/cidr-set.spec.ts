import fc from 'fast-check';
import { CidrSet } from './cidr-set';
import {
  formatCidrWords as formatCidr,
  parseAddressWords,
  parseCidrWords as parseCidr,
} from './cidr-words';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hextet = fc.integer({ min: 0, max: 0xffff });
const ipv6 = fc
  .array(hextet, { minLength: 8, maxLength: 8 })
  .map((parts) => parts.map((part) => part.toString(16)).join(':'));
const v4Number = (address: string): number =>
  address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
const v4Text = (value: number): string =>
  [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');

/** The set of one network. */
const setOf = (cidr: string): CidrSet => {
  const parsed = parseCidr(cidr);
  if (parsed === null) throw new Error(`not a CIDR: ${cidr}`);
  return new CidrSet([parsed]);
};

describe('parseCidr and formatCidr', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1/32'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8::1/32', '2001:db8::/32'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1/128'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:192.0.2.1', '192.0.2.1/32'],
    ['::/0', '::/0'],
  ])('normalises %s to %s', (input, canonical) => {
    const parsed = parseCidr(input);
    expect(parsed && formatCidr(parsed)).toBe(canonical);
  });

  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '010.0.0.1',
    '0x7f.0.0.1',
    '127.1',
    '10.0.0.0/33',
    '10.0.0.0/08',
    '10.0.0.0/',
    '2001:db8::/129',
    'fe80::1%eth0',
    'example.com',
    ' 10.0.0.1',
  ])('refuses %j', (input) => {
    expect(parseCidr(input)).toBeNull();
  });

  it('is idempotent: the canonical text parses back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6), fc.integer({ min: 0, max: 128 }), (address, bits) => {
        const text = `${address}/${address.includes('.') ? bits % 33 : bits}`;
        const parsed = parseCidr(text);
        expect(parsed).not.toBeNull();
        const canonical = formatCidr(parsed!);
        expect(formatCidr(parseCidr(canonical)!)).toBe(canonical);
      }),
    );
  });
});

describe('CidrSet.contains', () => {
  it('holds every IPv4 address of a network and none outside it', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (network, bits, probe) => {
        const set = setOf(`${network}/${bits}`);
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        const inside = (v4Number(probe) & mask) >>> 0 === (v4Number(network) & mask) >>> 0;
        expect(set.contains(probe)).toBe(inside);
        // The host part can be anything: the network's own first and last addresses are inside.
        const first = (v4Number(network) & mask) >>> 0;
        expect(set.contains(v4Text(first))).toBe(true);
        expect(set.contains(v4Text((first | ~mask) >>> 0))).toBe(true);
      }),
    );
  });

  it('matches an IPv4 address written as IPv4-mapped IPv6, and a mapped network by plain IPv4', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (network, bits, probe) => {
        const plain = setOf(`${network}/${bits}`);
        const mapped = setOf(`::ffff:${network}/${96 + bits}`);
        for (const set of [plain, mapped]) {
          expect(set.contains(`::ffff:${probe}`)).toBe(plain.contains(probe));
          expect(set.contains(probe)).toBe(plain.contains(probe));
        }
      }),
    );
  });

  it('holds every IPv6 address under the prefix, however it is written', () => {
    fc.assert(
      fc.property(ipv6, fc.integer({ min: 0, max: 128 }), ipv6, (network, bits, probe) => {
        const set = setOf(`${network}/${bits}`);
        const words = parseAddressWords(probe)!;
        const base = parseCidr(`${network}/${bits}`)!.words;
        let inside = true;
        for (let bit = 0; bit < bits; bit++) {
          const word = bit >>> 5;
          const shift = 31 - (bit & 31);
          if (((words[word] >>> shift) & 1) !== ((base[word] >>> shift) & 1)) inside = false;
        }
        expect(set.contains(probe)).toBe(inside);
        expect(set.contains(probe.toUpperCase())).toBe(inside);
      }),
    );
  });

  it('answers a repeated IPv6 caller alike each time, across sets and among many callers', () => {
    const narrow = new CidrSet([parseCidr('2001:db8::/64')!]);
    const wide = new CidrSet([parseCidr('2001:db8::/32')!]);
    // More distinct callers than the parsed addresses remembered, then the first ones again.
    const callers = Array.from(
      { length: 600 },
      (_, i) => `2001:db8:${(i % 2).toString(16)}::${i.toString(16)}`,
    );
    for (const round of [1, 2]) {
      for (const [i, caller] of callers.entries()) {
        expect([round, narrow.contains(caller)]).toEqual([round, i % 2 === 0]);
        expect(wide.contains(caller)).toBe(true);
      }
    }
    expect(narrow.contains('2001:db8::zz')).toBe(false);
    expect(narrow.contains('2001:db8::zz')).toBe(false);
  });

  it('never holds text that is not an address, and keeps families apart', () => {
    const set = new CidrSet(['10.0.0.0/8', '2001:db8::/32'].map((cidr) => parseCidr(cidr)!));
    for (const probe of [
      '',
      '10.0.0',
      '10.0.0.1.1',
      '010.0.0.1',
      'ten',
      '10.0.0.1 ',
      '2001:db8::g',
    ])
      expect(set.contains(probe)).toBe(false);
    expect(set.contains('10.255.0.1')).toBe(true);
    expect(set.contains('2001:db8:ffff::1')).toBe(true);
    // ::a00:1 is the IPv4-compatible (not mapped) form: another address altogether.
    expect(set.contains('::a00:1')).toBe(false);
    expect(new CidrSet([]).contains('10.0.0.1')).toBe(false);
  });
});
