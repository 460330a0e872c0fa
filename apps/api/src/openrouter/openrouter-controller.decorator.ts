import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ManagementCallerGuard } from './management-caller.guard';
import { OpenRouterExceptionFilter } from './openrouter-exception.filter';

/** The OpenAPI tag of every route of the OpenRouter-compatible surface. */
export const OPENROUTER_TAG = 'openrouter-compatible';

/**
 * A controller of the OpenRouter-compatible surface, at `path` below OPENROUTER_PREFIX: tagged
 * in OpenAPI, authenticated by bearer, and answering errors in OpenRouter's shape.
 */
export const OpenRouterController = (path: string): ClassDecorator =>
  applyDecorators(
    Controller(path),
    ApiTags(OPENROUTER_TAG),
    ApiBearerAuth(),
    UseFilters(OpenRouterExceptionFilter),
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
