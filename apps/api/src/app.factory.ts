import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerFactoryHandler,
} from 'fastify';
import { AppModule } from './app.module';
import { AppConfig } from '@keyledger/runtime';
import { serveConsole } from './console/console.static';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi';
import { DocumentedSerializers, serializeAsDocumented } from './openapi/openapi-serializers';
import { toOpenRouterError } from './openrouter/openrouter-error';
import { fastRoutes, gatherGetPaths } from './fast-routes';
import { KeyPageBody } from './keys/queries/list-keys/key-page-body';
import { AllExceptionsFilter } from './shared/errors/all-exceptions.filter';
import { toErrorResponse } from './shared/errors/error-response';
import { canonicalError, ErrorShapeFor } from './shared/errors/error-shape';
import { strictValidationPipe } from './shared/errors/validation.pipe';
import { depthLimitedJsonParser, useDepthLimitedJson } from './shared/http/json-body';
import { boundShutdownDrain } from './shared/http/bounded-drain';
import { trustedProxy } from './shared/http/client-address';
import { FastListener } from './shared/http/fast-listener/fast-listener';
import { keepRawBodies } from './shared/http/raw-body';
import { requestIdOf } from './shared/http/request-id';
import { SECURITY_HEADERS } from './shared/http/security-headers';
import { AccessLog } from './shared/logging/access-log';
import { nestLogger, serviceLogger } from './shared/logging/service-logger';

/** Builds the HTTP application for a configuration (used by main.ts and the tests alike). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const errorShape = errorShapeFor(config);
  const logger = serviceLogger(config.logLevel);
  const accessLog = new AccessLog(config.logLevel);
  // One trust function: Fastify's request.ip and the fast listener read the same client address.
  const trust = trustedProxy(config.trustProxy);
  let listener: FastListener | null = null;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trust,
    // A request that reaches the router while the service drains is answered as usual (with
    // `Connection: close`), not with Fastify's own 503 body, which is not the SPEC §7 shape.
    return503OnClosing: false,
    // Long ids reach Nest (and get its 404) instead of Fastify's own answer.
    routerOptions: { maxParamLength: 1024 },
    // Malformed URLs are refused before routing: give them the SPEC §7 body too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const response = errorShape(request.url)(toErrorResponse(error, String(request.id)));
      void reply.status(response.status).headers(response.headers).send(response.body);
    },
    // A caller's X-Request-Id is kept when it is well-formed, so logs and events correlate.
    genReqId: (request: IncomingMessage) => requestIdOf(request.headers['x-request-id']),
    // The hottest calls are answered on node:http itself, before Fastify (FastListener).
    serverFactory: (fastify: FastifyServerFactoryHandler, options: Record<string, unknown>) =>
      httpServer(options, (request, response) => {
        if (listener === null || !listener.take(request, response)) fastify(request, response);
      }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    adapter,
    // Body parsing is ours (depthLimitedJsonParser), not Nest's default JSON parser.
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(nestLogger(logger));
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: anything else is 415, not a string handed to a DTO.
  fastify.removeContentTypeParser('text/plain');
  const parseJson = depthLimitedJsonParser(fastify);
  useDepthLimitedJson(fastify, parseJson);
  keepRawBodies(fastify);
  answerHeadersAndAccessLog(fastify, accessLog);
  boundShutdownDrain(fastify, fastify.server, config.shutdownDrainMs);
  // Once the service closes, Fastify answers everything (with `Connection: close`).
  fastify.addHook('preClose', (done) => {
    listener?.stop();
    done();
  });
  const getPaths = gatherGetPaths(fastify);
  const document = buildOpenApiDocument(app);
  const serializers = new DocumentedSerializers(document);
  serializeAsDocumented(fastify, serializers);
  app.get(KeyPageBody).writeWith(serializers);
  serveOpenApi(app, document);
  // Its own encapsulated plugin: the console's CSP and cache headers stay on /console.
  await serveConsole(app, config.console);
  app.useGlobalFilters(new AllExceptionsFilter(errorShape));
  const validation = strictValidationPipe();
  app.useGlobalPipes(validation);
  app.enableShutdownHooks();
  await app.init();
  const routes = fastRoutes(app, config, serializers, validation, trust, getPaths);
  listener = new FastListener({
    bodyLimit: config.bodyLimitBytes,
    parseJson,
    validation,
    errorShape,
    accessLog,
  });
  listener.serve(routes);
  return app;
}

/** The HTTP server Fastify would have made itself, with the given request listener. */
function httpServer(
  options: Record<string, unknown>,
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): Server {
  const server = createServer(listener);
  const number = (name: string) => (typeof options[name] === 'number' ? options[name] : undefined);
  server.keepAliveTimeout = number('keepAliveTimeout') ?? server.keepAliveTimeout;
  server.requestTimeout = number('requestTimeout') ?? server.requestTimeout;
  server.setTimeout(number('connectionTimeout') ?? 0);
  return server;
}

/**
 * The security headers and X-Request-Id on every answer Fastify sends (refusals included), and
 * its access-log line (flushed on close). Callback hooks: an async one would cost a promise per
 * request.
 */
function answerHeadersAndAccessLog(fastify: FastifyInstance, accessLog: AccessLog): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(SECURITY_HEADERS).header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const errorCode = reply.getHeader('x-error-code');
    accessLog.record(
      request.method,
      request.routeOptions.url ?? '(no route)',
      reply.statusCode,
      reply.elapsedTime,
      String(request.id),
      typeof errorCode === 'string' ? errorCode : null,
    );
    done();
  });
  fastify.addHook('onClose', (_instance, done) => {
    accessLog.flush();
    done();
  });
}

/** OpenRouter's error shape under its prefix (OpenRouter SDKs parse it), SPEC §7 elsewhere. */
function errorShapeFor(config: AppConfig): ErrorShapeFor {
  const below = `${config.openRouterPrefix}/`;
  return (url) => (url.startsWith(below) ? toOpenRouterError : canonicalError);
}
