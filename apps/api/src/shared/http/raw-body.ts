import { pipeline, Transform } from 'node:stream';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';

/** A request whose body's exact bytes were kept (on a route marked `KeepsRawBody`). */
export interface RawBodyRequest extends FastifyRequest {
  rawBody?: Buffer;
}

/** Marks a route whose handler needs the body's exact bytes, e.g. to check a signature over them. */
export const KeepsRawBody = (): MethodDecorator => RouteConfig({ rawBody: true });

/**
 * Gives every route marked `KeepsRawBody` a preParsing hook that keeps the bytes as they stream
 * to the JSON parser (which still enforces the body limit). Added as the routes register, so
 * no other route pays even a check. Call before the application's routes are registered (init).
 */
export function keepRawBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if ((route.config as { rawBody?: unknown } | undefined)?.rawBody !== true) return;
    const hooks = route.preParsing === undefined ? [] : [route.preParsing].flat();
    route.preParsing = [...hooks, keepRawBody];
  });
}

const keepRawBody: preParsingHookHandler = (request, _reply, payload, done) => {
  const chunks: Buffer[] = [];
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      chunks.push(chunk);
      next(null, chunk);
    },
    flush(next) {
      (request as RawBodyRequest).rawBody = Buffer.concat(chunks);
      next();
    },
  });
  // pipeline, not pipe: a client that aborts fails the tap too, which Fastify then answers.
  done(
    null,
    pipeline(payload, tap, () => undefined),
  );
};
