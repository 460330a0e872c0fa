/** The console's sign-in settings, as the API serves them to the browser. */
export interface ConsoleOidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

/**
 * The headers every `/console` answer carries. The Content-Security-Policy allows scripts,
 * styles and fonts from this origin only (no inline script, no eval), requests to this origin and
 * to the OIDC issuer (discovery and the token exchange), and no framing.
 */
export function consoleSecurityHeaders(
  oidc: ConsoleOidcSettings | null,
): Readonly<Record<string, string>> {
  const connect = ["'self'", ...(oidc ? [new URL(oidc.issuer).origin] : [])].join(' ');
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Tokens never travel in URLs, but an OIDC callback carries a code: keep it off Referer.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}
