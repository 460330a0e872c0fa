import { invalid } from '@keyledger/domain';
import { parseCidr } from '@keyledger/network';

/**
 * The allowlist in canonical form (`a.b.c.d/n`, compact IPv6, host bits cleared, IPv4-mapped
 * IPv6 as IPv4), parsed with the service's one CIDR helper; a `validation_failed` naming each
 * entry that is not an address or CIDR. Undefined stays undefined (not sent).
 */
export function canonicalAllowedIps(value: readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const fields: { field: string; message: string }[] = [];
  const canonical = value.map((entry, index) => {
    try {
      return parseCidr(entry).text;
    } catch {
      fields.push({
        field: `allowed_ips[${index}]`,
        message: 'must be an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24, 2001:db8::/32)',
      });
      return entry;
    }
  });
  if (fields.length > 0) throw invalid(fields);
  return canonical;
}
