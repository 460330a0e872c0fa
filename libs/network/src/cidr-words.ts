import ipaddr from 'ipaddr.js';

/**
 * An IPv4 or IPv6 network as four 32-bit words of IPv6 space: IPv4 lives in the IPv4-mapped
 * block `::ffff:0:0/96`, so one comparison covers both families and `::ffff:10.0.0.1` matches
 * `10.0.0.0/8` exactly as `10.0.0.1` does.
 */
export interface CidrWords {
  /** The network address (host bits zero), four big-endian words. */
  readonly words: readonly [number, number, number, number];
  /** Prefix length in IPv6 space (an IPv4 /24 is 120). */
  readonly prefix: number;
}

/** IPv6 words 0–2 of every IPv4-mapped address. */
const MAPPED_PREFIX = 96;
const MAPPED_WORD_2 = 0xffff;

/** Four-part decimal, no leading zeros: the only IPv4 form accepted (no octal, hex or short forms). */
const DOTTED_QUAD =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses one address or CIDR (`10.0.0.0/8`, `2001:db8::/32`, `::ffff:10.0.0.0/104`), or null if it is not one. */
export function parseCidrWords(text: string): CidrWords | null {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const words = parseAddressWords(address);
  if (words === null) return null;
  const isV4 = DOTTED_QUAD.test(address);
  const maxBits = isV4 ? 32 : 128;
  let bits = maxBits;
  if (slash !== -1) {
    const suffix = text.slice(slash + 1);
    if (!/^(?:0|[1-9]\d{0,2})$/.test(suffix)) return null;
    bits = Number(suffix);
    if (bits > maxBits) return null;
  }
  const prefix = isV4 ? MAPPED_PREFIX + bits : bits;
  return { words: maskWords(words, prefix), prefix };
}

/**
 * The canonical text of a network: IPv4 (and IPv4-mapped IPv6) as `a.b.c.d/n`, IPv6 in its
 * RFC 5952 compact form, always with the prefix length.
 */
export function formatCidrWords(cidr: CidrWords): string {
  const [w0, w1, w2, w3] = cidr.words;
  if (w0 === 0 && w1 === 0 && w2 === MAPPED_WORD_2 && cidr.prefix >= MAPPED_PREFIX) {
    const octets = [w3 >>> 24, (w3 >>> 16) & 0xff, (w3 >>> 8) & 0xff, w3 & 0xff];
    return `${octets.join('.')}/${cidr.prefix - MAPPED_PREFIX}`;
  }
  const parts = cidr.words.flatMap((word) => [word >>> 16, word & 0xffff]);
  return `${new ipaddr.IPv6(parts).toString()}/${cidr.prefix}`;
}

/** The address's four words, or null unless it is a dotted-quad IPv4 or an IPv6 address without a zone. */
export function parseAddressWords(text: string): [number, number, number, number] | null {
  if (DOTTED_QUAD.test(text)) {
    const [a, b, c, d] = text.split('.').map(Number);
    return [0, 0, MAPPED_WORD_2, ((a << 24) | (b << 16) | (c << 8) | d) >>> 0];
  }
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
  const parts = ipaddr.IPv6.parse(text).parts;
  return [0, 1, 2, 3].map((i) => ((parts[2 * i] << 16) | parts[2 * i + 1]) >>> 0) as [
    number,
    number,
    number,
    number,
  ];
}

/** The 32-bit mask of word `index` under a prefix of `prefix` bits. */
export function wordMask(prefix: number, index: number): number {
  const bits = Math.min(32, Math.max(0, prefix - 32 * index));
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

function maskWords(words: readonly number[], prefix: number): [number, number, number, number] {
  return [0, 1, 2, 3].map((i) => (words[i] & wordMask(prefix, i)) >>> 0) as [
    number,
    number,
    number,
    number,
  ];
}
