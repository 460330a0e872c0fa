import { IncomingHttpHeaders } from 'node:http';

/**
 * What a request presents: nothing, an API key secret, or a bearer token that is not shaped
 * like our keys: a session JWT, or the secret of a key imported from elsewhere (any format).
 */
export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
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
  return token.startsWith(keyPrefix)
    ? { kind: 'api_key', secret: token }
    : { kind: 'bearer', token };
}
