import { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, KeyScope, Principal } from '@keyledger/domain';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../infrastructure/tokens';
import { ApiError, authenticationRequired } from '../shared/errors/api-error';
import { API_KEY_AUTHENTICATOR, ApiKeyAuthenticator } from './api-key-authenticator';
import {
  AuthFailureThrottle,
  DEFAULT_AUTH_FAILURE_LIMITS,
  isAuthenticationFailure,
  tooManyAuthFailures,
} from './auth-failure-throttle';
import { assertKeyScopes } from './api-key-scopes';
import { credentialsOf } from './credentials';
import { JwtVerifier } from './jwt-verifier';

/**
 * Who a request speaks for: the caller's principal, checked against the scopes the route needs
 * when it is an API key. A client address that keeps presenting bad credentials is throttled
 * (429) before its next credential is even checked; missing credentials are never throttled
 * (SPEC §1) and successes never count. The one authentication of every non-public route, on
 * Fastify (AuthGuard) and on the fast listener alike.
 */
@Injectable()
export class RequestAuthenticator {
  private readonly failures: AuthFailureThrottle;

  constructor(
    private readonly jwt: JwtVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.failures = new AuthFailureThrottle(DEFAULT_AUTH_FAILURE_LIMITS, () =>
      clock.now().getTime(),
    );
  }

  /**
   * The principal of a request, or the refusal (an ApiError) it gets. The client's address is
   * asked only once there are credentials to check.
   */
  async authenticate(
    headers: IncomingHttpHeaders,
    clientAddress: () => string,
    scopes: readonly KeyScope[],
  ): Promise<Principal> {
    const credentials = credentialsOf(headers, this.config.keyPrefix);
    if (credentials.kind === 'none') throw authenticationRequired();
    const clientIp = clientAddress();
    const retryAfter = this.failures.retryAfterSeconds(clientIp);
    if (retryAfter > 0) throw tooManyAuthFailures(retryAfter);
    let principal: Principal;
    try {
      principal =
        credentials.kind === 'bearer'
          ? await this.bearer(credentials.token)
          : await this.apiKeys.authenticate(credentials.secret);
    } catch (error) {
      if (isAuthenticationFailure(error)) this.failures.recordFailure(clientIp);
      throw error;
    }
    assertKeyScopes(principal, scopes);
    return principal;
  }

  /**
   * A session JWT, else the secret of a key imported from elsewhere, which may have any format
   * (SPEC §5: a secret in `Authorization: Bearer` counts as in `X-API-Key`). A JWT is tried
   * first, so a session pays no key lookup; a token that is neither is refused as the JWT it
   * was read as (`invalid_token`), and a key's own refusal (`key_disabled`) is kept.
   */
  private async bearer(token: string): Promise<Principal> {
    try {
      return await this.jwt.verify(token);
    } catch (jwtRefusal) {
      if (!isAuthenticationFailure(jwtRefusal)) throw jwtRefusal;
      try {
        return await this.apiKeys.authenticate(token);
      } catch (keyRefusal) {
        const unknown = keyRefusal instanceof ApiError && keyRefusal.code === 'invalid_api_key';
        throw unknown ? jwtRefusal : keyRefusal;
      }
    }
  }
}
