import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { KeyScope, Principal } from '@keyledger/domain';
import { ApiError } from '../shared/errors/api-error';

/** Metadata (and OpenAPI extension) naming the scopes an API key needs for a route. */
export const API_KEY_SCOPES = 'x-api-key-scopes' as const;

/**
 * What an API key needs where a route says nothing: `management`. Every management route, reads
 * included, is closed to inference keys by default (SPEC §1), so a new route cannot forget it.
 */
export const DEFAULT_API_KEY_SCOPES: readonly KeyScope[] = ['management'];

/**
 * The scopes, any one of which an API key needs for the route (session tokens are not
 * affected); with none, every key may call it (self-introspection, a surface with its own rule).
 */
export const ApiKeyScopes = (...scopes: readonly KeyScope[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(API_KEY_SCOPES, scopes), ApiExtension(API_KEY_SCOPES, scopes));

/** Routing preferences, bindings and key-first rules: `billing` is enough (SPEC §4). */
export const RoutingScopes = (): MethodDecorator & ClassDecorator =>
  ApiKeyScopes('billing', 'management');

/** 403 `forbidden` unless an API-key caller holds one of `scopes` (none: any key passes). */
export function assertKeyScopes(principal: Principal, scopes: readonly KeyScope[]): void {
  if (principal.kind !== 'api_key' || scopes.length === 0) return;
  if (scopes.some((scope) => principal.scopes.includes(scope))) return;
  throw new ApiError(
    403,
    'forbidden',
    `This route needs an API key with the ${scopes.join(' or ')} scope (or a session token).`,
  );
}

/** The sentence OpenAPI adds to each management operation about API keys. */
export const scopeDescription = (scopes: readonly string[]): string =>
  scopes.length === 0
    ? ''
    : `API keys need the ${scopes.map((scope) => `\`${scope}\``).join(' or ')} scope here (403 \`forbidden\` otherwise).`;
