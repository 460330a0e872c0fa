import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../shared/errors/error-response';
import { toOpenRouterError } from './openrouter-error';

/**
 * The OpenRouter surface's counterpart of AllExceptionsFilter: the same classification of every
 * thrown value, answered in OpenRouter's `{error: {code, message}}` shape that its SDKs parse.
 * Bound to the surface's controllers, so it also answers their authentication refusals.
 */
@Catch()
export class OpenRouterExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = toOpenRouterError(toErrorResponse(error, String(request.id)));
    if (response.status >= 500) {
      this.logger.error({ err: error, request_id: request.id }, 'request failed');
    }
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
