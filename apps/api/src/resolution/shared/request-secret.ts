import { IncomingHttpHeaders } from 'node:http';
import { credentialsOf } from '../../auth/credentials';
import { authenticationRequired } from '../../shared/errors/api-error';

/**
 * The customer's secret the gateway forwarded (`X-API-Key` or `Authorization: Bearer`, treated
 * the same). A bearer not shaped like our keys is looked up as is: an imported key's secret
 * resolves, a session JWT is refused as `invalid_api_key`; no credential at all is
 * `authentication_required` (SPEC §1).
 */
export function requestSecret(headers: IncomingHttpHeaders, keyPrefix: string): string {
  const credentials = credentialsOf(headers, keyPrefix);
  if (credentials.kind === 'none') throw authenticationRequired();
  return credentials.kind === 'bearer' ? credentials.token : credentials.secret;
}
