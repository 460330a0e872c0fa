import { IncomingMessage } from 'node:http';
import { KeyScope, Principal } from '@keyledger/domain';
import { RequestAuthenticator } from '../../../auth/request-authenticator';
import { MinPositionWait } from '../min-position';

/** A read route's guards, as its Nest controller runs them: authentication, then X-Min-Position. */
export interface ReadGuards {
  readonly authenticator: RequestAuthenticator;
  /** The scopes an API key needs, as the controller's metadata says. */
  readonly scopes: readonly KeyScope[];
  readonly clientAddress: (request: IncomingMessage) => string;
  readonly minPosition: MinPositionWait;
}

/** The caller, once both guards let the request through (they throw the refusal otherwise). */
export async function passReadGuards(
  guards: ReadGuards,
  request: IncomingMessage,
): Promise<Principal> {
  const principal = await guards.authenticator.authenticate(
    request.headers,
    () => guards.clientAddress(request),
    guards.scopes,
  );
  await guards.minPosition.until(request.headers);
  return principal;
}
