import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { RequestContext } from './request-context';

const MAX_HEADER_ID = 128;

/** A client-supplied id header, kept only if it is short and printable. */
function headerId(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.length <= MAX_HEADER_ID && /^[\x21-\x7e]+$/.test(value)
    ? value
    : null;
}

/** Reads the request context from a Fastify request. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  const requestId = String(request.id);
  const userAgent = request.headers['user-agent'];
  return {
    requestId,
    correlationId: headerId(request, 'x-correlation-id') ?? requestId,
    causationId: headerId(request, 'x-causation-id'),
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

/** Injects the current request's context into a controller method. */
export const Context = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext =>
  requestContextOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
