import { anyCidrContains, CidrBlock, parseIpAddress } from './cidr';

/**
 * The special-purpose range an address falls in (`loopback`, `private`, `linkLocal`,
 * `uniqueLocal`, `carrierGradeNat`, `unspecified`, `reserved`, `multicast`, …; the cloud metadata
 * address 169.254.169.254 is `linkLocal`), or null for a public unicast address. IPv4-mapped
 * IPv6 addresses are judged as the IPv4 address they carry; IPv6 forms that embed IPv4
 * (6to4, Teredo, NAT64) are not public either, since they can reach a private IPv4 host.
 */
export function nonPublicRangeOf(address: string): string | null {
  const range = parseIpAddress(address).range();
  return range === 'unicast' ? null : range;
}

/**
 * Which outbound addresses a server may connect to on a tenant's behalf: public unicast only,
 * plus the blocks an operator allows on purpose (local development, an internal receiver).
 * Stops a tenant-supplied URL from reaching the operator's own network (SSRF).
 */
export class OutboundAddressPolicy {
  constructor(private readonly allowed: readonly CidrBlock[] = []) {}

  /** The non-public range that refuses a connection to `address`, or null when it is allowed. */
  refusedRange(address: string): string | null {
    const range = nonPublicRangeOf(address);
    return range === null || anyCidrContains(this.allowed, address) ? null : range;
  }
}
