import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { serveConsole } from './console/console.static';
import { serveOpenApi } from './openapi/openapi';
import { AllExceptionsFilter } from './shared/errors/all-exceptions.filter';
import { toErrorResponse } from './shared/errors/error-response';
import { canonicalError, ErrorShapeFor } from './shared/errors/error-shape';
import { toOpenRouterError } from './openrouter/openrouter-error';
import { useDepthLimitedJson } from './shared/http/json-body';
import { strictValidationPipe } from './shared/errors/validation.pipe';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the HTTP application for a configuration (used by main.ts and the tests alike). `root`
 * is the application module; benchmarks wrap it to add a bare route of their own.
 */
export async function createApp(
  config: AppConfig,
  root: DynamicModule = AppModule.forRoot(config),
): Promise<NestFastifyApplication> {
  const errorShape = errorShapeFor(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Long ids reach Nest (and get its 404) instead of Fastify's own answer.
    routerOptions: { maxParamLength: 1024 },
    // Malformed URLs are refused before routing: give them the SPEC §7 body too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const response = errorShape(request.url)(toErrorResponse(error, String(request.id)));
      void reply.status(response.status).headers(response.headers).send(response.body);
    },
    // A caller's X-Request-Id is kept when it is well-formed, so logs and events correlate.
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    // Body parsing is ours (useDepthLimitedJson), not Nest's default JSON parser.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  await app.register(helmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: anything else is 415, not a string handed to a DTO.
  fastify.removeContentTypeParser('text/plain');
  useDepthLimitedJson(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  serveOpenApi(app);
  // Its own encapsulated plugin: the console's CSP and cache headers stay on /console.
  await serveConsole(app, config.console);
  app.useGlobalFilters(new AllExceptionsFilter(errorShape));
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  return app;
}

/** OpenRouter's error shape under its prefix (OpenRouter SDKs parse it), SPEC §7 elsewhere. */
function errorShapeFor(config: AppConfig): ErrorShapeFor {
  const below = `${config.openRouterPrefix}/`;
  return (url) => (url.startsWith(below) ? toOpenRouterError : canonicalError);
}
