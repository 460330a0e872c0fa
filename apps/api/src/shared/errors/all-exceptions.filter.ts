import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';
import { CANONICAL_ERRORS, ErrorShapeFor } from './error-shape';

/**
 * The one place where thrown values become HTTP responses, in the shape of the surface the
 * request was for (so errors raised before routing, such as a malformed body, are shaped too).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  constructor(private readonly shapeFor: ErrorShapeFor = CANONICAL_ERRORS) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = this.shapeFor(request.url)(toErrorResponse(error, String(request.id)));
    if (response.status >= 500) {
      this.logger.error({ err: error, request_id: request.id }, 'request failed');
    }
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
