import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { KeyScope, Principal } from '@keyledger/domain';
import { API_KEY_SCOPES, DEFAULT_API_KEY_SCOPES } from './api-key-scopes';
import { RequestAuthenticator } from './request-authenticator';

const PUBLIC_ROUTE = 'keyledger:public';

/** Marks a route that needs no credentials (health, docs, key resolution with its own check). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The request after authentication. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** A controller method and its class: where a route's metadata is read from. */
type RouteHandler = Parameters<Reflector['getAllAndOverride']>[1];

/** The scopes an API key needs for a route (`management` unless it says otherwise). */
export function routeKeyScopes(reflector: Reflector, route: RouteHandler): readonly KeyScope[] {
  return (
    reflector.getAllAndOverride<readonly KeyScope[] | undefined>(API_KEY_SCOPES, route) ??
    DEFAULT_API_KEY_SCOPES
  );
}

/**
 * Authenticates every non-public route (RequestAuthenticator) and attaches the caller's
 * principal to the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  /** Synchronous for a public route: a probe such as /health pays no promise for it. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const route = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, route);
    return isPublic === true || this.authenticate(context, route);
  }

  private async authenticate(context: ExecutionContext, route: RouteHandler): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticator.authenticate(
      request.headers,
      () => request.ip,
      routeKeyScopes(this.reflector, route),
    );
    return true;
  }
}
