import { IncomingHttpHeaders } from 'node:http';

/** What a request presents: nothing, a bearer JWT, or an API key secret. */
export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'jwt'; readonly token: string }
  | { readonly kind: 'api_key'; readonly secret: string };

/**
 * Reads `X-API-Key` or `Authorization: Bearer`. A bearer value that starts with the key prefix is
 * an API key (the gateway forwards customers' secrets unchanged in either header).
 */
export function credentialsOf(headers: IncomingHttpHeaders, keyPrefix: string): Credentials {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') {
    return { kind: 'api_key', secret: apiKey.trim() };
  }
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return { kind: 'none' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { kind: 'none' };
  const token = match[1];
  return token.startsWith(keyPrefix) ? { kind: 'api_key', secret: token } : { kind: 'jwt', token };
}
