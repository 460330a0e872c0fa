import { AllowlistMatchers } from './allowlist-matchers';

describe('AllowlistMatchers', () => {
  it('compiles no matcher for an empty allowlist: every address is accepted', () => {
    expect(new AllowlistMatchers().matcherFor([])).toBeNull();
  });

  it('compiles a list once, and hands keys with the same list the same matcher', () => {
    const matchers = new AllowlistMatchers();
    const egress = matchers.matcherFor(['10.0.0.0/8', '2001:db8::/32']);
    expect(matchers.matcherFor(['10.0.0.0/8', '2001:db8::/32'])).toBe(egress);
    expect(matchers.matcherFor(['10.0.0.0/8'])).not.toBe(egress);
    expect(egress?.size).toBe(2);
    expect(
      ['10.1.2.3', '::ffff:10.9.9.9', '2001:db8::1'].map((ip) => egress?.contains(ip)),
    ).toEqual([true, true, true]);
    expect(egress?.contains('11.0.0.1')).toBe(false);
  });
});
