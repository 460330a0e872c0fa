import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
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
import { API_KEY_SCOPES, assertKeyScopes, DEFAULT_API_KEY_SCOPES } from './api-key-scopes';
import { credentialsOf } from './credentials';
import { JwtVerifier } from './jwt-verifier';

const PUBLIC_ROUTE = 'keyledger:public';

/** Marks a route that needs no credentials (health, docs, key resolution with its own check). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The request after authentication. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/**
 * Authenticates every non-public route, attaches the caller's principal and, for an API key,
 * checks the scope the route needs (`management` unless it says otherwise). A client address
 * that keeps presenting bad credentials is throttled (429) before its next credential is even
 * checked; missing credentials are never throttled (SPEC §1) and successes never count.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: AuthFailureThrottle;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.failures = new AuthFailureThrottle(DEFAULT_AUTH_FAILURE_LIMITS, () =>
      clock.now().getTime(),
    );
  }

  /** Synchronous for a public route: a probe such as /health pays no promise for it. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic === true || this.authenticate(context);
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    const scopes =
      this.reflector.getAllAndOverride<readonly KeyScope[] | undefined>(API_KEY_SCOPES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_API_KEY_SCOPES;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = credentialsOf(request.headers, this.config.keyPrefix);
    if (credentials.kind === 'none') throw authenticationRequired();
    const retryAfter = this.failures.retryAfterSeconds(request.ip);
    if (retryAfter > 0) throw tooManyAuthFailures(retryAfter);
    try {
      request.principal =
        credentials.kind === 'bearer'
          ? await this.bearer(credentials.token)
          : await this.apiKeys.authenticate(credentials.secret);
    } catch (error) {
      if (isAuthenticationFailure(error)) this.failures.recordFailure(request.ip);
      throw error;
    }
    assertKeyScopes(request.principal, scopes);
    return true;
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
