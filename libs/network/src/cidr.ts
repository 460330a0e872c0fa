import ipaddr from 'ipaddr.js';

/** A block of addresses in CIDR notation, parsed: `10.0.0.0/8`, `fd00::/8`, `203.0.113.7/32`. */
export interface CidrBlock {
  readonly kind: 'ipv4' | 'ipv6';
  /** The block as written canonically, e.g. `10.0.0.0/8`. */
  readonly text: string;
  readonly range: [ipaddr.IPv4 | ipaddr.IPv6, number];
}

/** Whether `text` is an IPv4 or IPv6 address (no brackets, no prefix). */
export function isIpAddress(text: string): boolean {
  return ipaddr.isValid(text);
}

/**
 * Parses one address: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) becomes the IPv4 address it carries,
 * so that a mapped address matches, and is refused, exactly as its IPv4 form. Throws on bad input.
 */
export function parseIpAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (!ipaddr.isValid(text)) throw new Error(`"${text}" is not an IP address`);
  return ipaddr.process(text);
}

/**
 * Parses a CIDR block; a bare address is a block of one (`/32`, `/128`). Throws an Error naming
 * the input when it is neither.
 */
export function parseCidr(text: string): CidrBlock {
  const trimmed = text.trim();
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  if (ipaddr.isValidCIDR(trimmed)) {
    range = ipaddr.parseCIDR(trimmed);
  } else if (ipaddr.isValid(trimmed)) {
    const address = ipaddr.parse(trimmed);
    range = [address, address.kind() === 'ipv4' ? 32 : 128];
  } else {
    throw new Error(`"${trimmed}" is not a CIDR block or an IP address`);
  }
  const [address, prefix] = unmapped(range);
  // The network address, so that `10.1.2.3/8` and `10.0.0.0/8` read the same.
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return {
    kind: network.kind(),
    text: `${network.toString()}/${prefix}`,
    range: [network, prefix],
  };
}

/** Parses a comma-separated list of CIDR blocks (blank entries ignored); throws on the first bad one. */
export function parseCidrList(text: string): readonly CidrBlock[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(parseCidr);
}

/** Whether the address (IPv4-mapped IPv6 read as IPv4) lies in the block. */
export function cidrContains(
  block: CidrBlock,
  address: string | ipaddr.IPv4 | ipaddr.IPv6,
): boolean {
  const parsed = typeof address === 'string' ? parseIpAddress(address) : address;
  if (parsed.kind() !== block.kind) return false;
  return parsed.match(block.range);
}

/** Whether any of the blocks contains the address. */
export function anyCidrContains(
  blocks: readonly CidrBlock[],
  address: string | ipaddr.IPv4 | ipaddr.IPv6,
): boolean {
  const parsed = typeof address === 'string' ? parseIpAddress(address) : address;
  return blocks.some((block) => cidrContains(block, parsed));
}

/** `::ffff:10.0.0.0/104` is the IPv4 block `10.0.0.0/8`. */
function unmapped([address, prefix]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [
  ipaddr.IPv4 | ipaddr.IPv6,
  number,
] {
  if (address.kind() === 'ipv6' && prefix >= 96) {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return [v6.toIPv4Address(), prefix - 96];
  }
  return [address, prefix];
}
