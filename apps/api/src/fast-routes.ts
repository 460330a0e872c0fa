import { IncomingMessage } from 'node:http';
import { ValidationPipe } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import { EventStore } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { AppConfig } from '@keyledger/runtime';
import { routeKeyScopes } from './auth/auth.guard';
import { RequestAuthenticator } from './auth/request-authenticator';
import { healthFastRoute } from './health/health.fast-route';
import { EVENT_STORE } from './infrastructure/tokens';
import { getKeyFastRoute } from './keys/queries/get-key/get-key.fast-route';
import { GetKeyHandler } from './keys/queries/get-key/get-key.handler';
import { GetKeyHttpController } from './keys/queries/get-key/get-key.http.controller';
import { KeyEnvelopeResponse } from './keys/key.response';
import { KeyPageBody } from './keys/queries/list-keys/key-page-body';
import { listKeysFastRoute } from './keys/queries/list-keys/list-keys.fast-route';
import { ListKeyDocumentsHandler } from './keys/queries/list-keys/list-keys.handler';
import { ListKeysHttpController } from './keys/queries/list-keys/list-keys.http.controller';
import { ListKeysRequestDto } from './keys/queries/list-keys/list-keys.request.dto';
import { DocumentedSerializers } from './openapi/openapi-serializers';
import { RecordUsageHandler } from './resolution/commands/record-usage/record-usage.handler';
import { ResolveHandler } from './resolution/commands/resolve/resolve.handler';
import { gatewayRoutes } from './resolution/gateway-routes';
import { clientAddress, TrustedProxy } from './shared/http/client-address';
import { FastRoutes } from './shared/http/fast-listener/fast-route';
import { ReadGuards } from './shared/http/fast-listener/read-guards';
import { MinPositionWait } from './shared/http/min-position';

/** The GET paths of the routes Fastify has, gathered as they are registered (before init). */
export function gatherGetPaths(fastify: FastifyInstance): readonly string[] {
  const paths: string[] = [];
  fastify.addHook('onRoute', ({ method, url }) => {
    if ([method].flat().includes('GET')) paths.push(url);
  });
  return paths;
}

/**
 * What the fast listener answers, built from the application's own use cases once it is
 * initialised, and checked against Fastify's routes: each must be one Fastify serves too, and
 * none may take a path that Fastify routes elsewhere.
 */
export function fastRoutes(
  app: NestFastifyApplication,
  config: AppConfig,
  serializers: DocumentedSerializers,
  validation: ValidationPipe,
  trust: TrustedProxy,
  getPaths: readonly string[],
): FastRoutes {
  const minPosition = new MinPositionWait(
    app.get(ProjectionRunner),
    config.readYourWritesTimeoutMs,
  );
  // A controller's route (its method and its class), as its guards read their metadata.
  const readGuards = (route: Parameters<typeof routeKeyScopes>[1]): ReadGuards => ({
    authenticator: app.get(RequestAuthenticator),
    scopes: routeKeyScopes(app.get(Reflector), route),
    clientAddress: (request: IncomingMessage) => clientAddress(request, trust),
    minPosition,
  });
  const routes: FastRoutes = {
    post: gatewayRoutes(app.get(ResolveHandler), app.get(RecordUsageHandler)),
    get: [
      healthFastRoute(app.get<EventStore>(EVENT_STORE)),
      getKeyFastRoute({
        guards: readGuards([GetKeyHttpController.prototype.get, GetKeyHttpController]),
        handler: app.get(GetKeyHandler),
        serialize: serializers.of(KeyEnvelopeResponse.name),
      }),
      listKeysFastRoute({
        guards: readGuards([ListKeysHttpController.prototype.list, ListKeysHttpController]),
        validate: (query) =>
          validation.transform(query, { type: 'query', metatype: ListKeysRequestDto }),
        handler: app.get(ListKeyDocumentsHandler),
        body: app.get(KeyPageBody),
      }),
    ],
  };
  const fastify = app.getHttpAdapter().getInstance();
  for (const { path } of routes.post) {
    if (!fastify.hasRoute({ method: 'POST', url: path })) {
      throw new Error(`the fast listener answers POST ${path}, which no controller serves`);
    }
  }
  for (const route of routes.get) {
    if (!getPaths.includes(route.pattern)) {
      throw new Error(`the fast listener answers GET ${route.pattern}, which no controller serves`);
    }
    const shadowed = getPaths.find(
      (path) => path !== route.pattern && route.match(path) !== undefined,
    );
    if (shadowed !== undefined) {
      throw new Error(`the fast listener's GET ${route.pattern} would take GET ${shadowed}`);
    }
  }
  return routes;
}
