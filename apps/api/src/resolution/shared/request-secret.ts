import { IncomingHttpHeaders } from 'node:http';
import { credentialsOf } from '../../auth/credentials';
import { authenticationRequired } from '../../shared/errors/api-error';

/**
 * The customer's secret the gateway forwarded (`X-API-Key` or `Authorization: Bearer`). A
 * bearer that is not shaped like a key (a session JWT) is passed on as is, for the resolver to
 * refuse as `invalid_api_key`; no credential at all is `authentication_required` (SPEC §1).
 */
export function requestSecret(headers: IncomingHttpHeaders, keyPrefix: string): string {
  const credentials = credentialsOf(headers, keyPrefix);
  if (credentials.kind === 'none') throw authenticationRequired();
  return credentials.kind === 'jwt' ? credentials.token : credentials.secret;
}
