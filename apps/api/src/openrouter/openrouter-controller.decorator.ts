import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyScopes } from '../auth/api-key-scopes';
import { ManagementCallerGuard } from './management-caller.guard';

/** The OpenAPI tag of every route of the OpenRouter-compatible surface. */
export const OPENROUTER_TAG = 'openrouter-compatible';

/**
 * A controller of the OpenRouter-compatible surface, at `path` below OPENROUTER_PREFIX: tagged
 * in OpenAPI and authenticated by bearer. Its errors take OpenRouter's shape in the global
 * filter (app.factory.ts), like every other answer below the prefix. Scopes follow OpenRouter's
 * rule, not the canonical default: `GET /key` is any key's, `/keys…` checks its own (below).
 */
export const OpenRouterController = (path: string): ClassDecorator =>
  applyDecorators(
    Controller(path),
    ApiKeyScopes(),
    ApiTags(OPENROUTER_TAG),
    ApiBearerAuth(),
    ApiResponse({
      status: 401,
      description:
        '`{error: {code: 401, message}}`: no key, or an unknown, revoked or expired one.',
    }),
  );

/** An OpenRouterController of `/keys…` routes: management keys (and session tokens) only. */
export const OpenRouterKeysController = (): ClassDecorator =>
  applyDecorators(
    OpenRouterController('keys'),
    UseGuards(ManagementCallerGuard),
    ApiResponse({
      status: 403,
      description: '`{error: {code: 403, message}}`: the key lacks the management scope.',
    }),
  );
