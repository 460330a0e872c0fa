import { FieldErrors } from '../shared/validation';

/** Most networks one key's allowlist may hold. */
export const MAX_ALLOWED_IPS = 100;
/** Longest canonical entry (a full IPv6 CIDR is 43 characters). */
const MAX_ENTRY_LENGTH = 64;

/**
 * The allowlist without duplicates, order kept; records errors on `allowed_ips` unless it is a
 * list of at most 100 non-empty strings. Entries arrive in canonical CIDR form: the edge parses
 * and normalises them (libs/network), since the domain imports no address parser. `[]` means no
 * allowlist: every address is accepted.
 */
export function checkAllowedIps(errors: FieldErrors, value: unknown): readonly string[] {
  if (!Array.isArray(value)) {
    errors.add('allowed_ips', 'must be a list of IP addresses or CIDRs');
    return [];
  }
  if (value.length > MAX_ALLOWED_IPS) {
    errors.add('allowed_ips', `must hold at most ${MAX_ALLOWED_IPS} entries`);
    return [];
  }
  const entries: string[] = [];
  value.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry === '' || entry.length > MAX_ENTRY_LENGTH) {
      errors.add(`allowed_ips[${index}]`, 'must be an IPv4 or IPv6 address or CIDR');
    } else entries.push(entry);
  });
  return [...new Set(entries)];
}
