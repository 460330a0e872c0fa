import { DomainError } from '@keyledger/domain';
import { canonicalAllowedIps } from './allowed-ips';

describe('canonicalAllowedIps', () => {
  it('normalises every entry with the CIDR helper', () => {
    expect(
      canonicalAllowedIps(['203.0.113.9/24', '2001:DB8::/32', '::ffff:1.2.3.4', '10.0.0.1']),
    ).toEqual(['203.0.113.0/24', '2001:db8::/32', '1.2.3.4/32', '10.0.0.1/32']);
    expect(canonicalAllowedIps(undefined)).toBeUndefined();
  });

  it('names each entry that is not an address or CIDR', () => {
    try {
      canonicalAllowedIps(['10.0.0.0/8', 'intranet', '10.0.0.0/33']);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fields.map((f) => f.field)).toEqual([
        'allowed_ips[1]',
        'allowed_ips[2]',
      ]);
    }
  });
});
