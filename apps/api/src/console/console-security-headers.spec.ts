import { consoleSecurityHeaders } from './console-security-headers';

const directives = (headers: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(
    headers['content-security-policy'].split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name, values.join(' ')];
    }),
  );

describe('consoleSecurityHeaders', () => {
  it('allows nothing inline and nothing from elsewhere without OIDC', () => {
    const csp = directives(consoleSecurityHeaders(null));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect([...csp.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("lets the console reach the OIDC issuer's origin, and only that", () => {
    const oidc = { issuer: 'https://id.example.com/realms/acme', clientId: 'c', scope: 'openid' };
    expect(directives(consoleSecurityHeaders(oidc)).get('connect-src')).toBe(
      "'self' https://id.example.com",
    );
  });
});
