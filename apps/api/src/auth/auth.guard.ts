import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Principal } from '@keyledger/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { authenticationRequired } from '../shared/errors/api-error';
import { API_KEY_AUTHENTICATOR, ApiKeyAuthenticator } from './api-key-authenticator';
import { credentialsOf } from './credentials';
import { JwtVerifier } from './jwt-verifier';

const PUBLIC_ROUTE = 'keyledger:public';

/** Marks a route that needs no credentials (health, docs, key resolution with its own check). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The request after authentication. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** Authenticates every non-public route and attaches the caller's principal. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = credentialsOf(request, this.config.keyPrefix);
    if (credentials.kind === 'none') throw authenticationRequired();
    request.principal =
      credentials.kind === 'jwt'
        ? await this.jwt.verify(credentials.token)
        : await this.apiKeys.authenticate(credentials.secret);
    return true;
  }
}
